package org.vigie.engine.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CitizenTest {

    static final LocalDate BORN = LocalDate.of(1976, 3, 16);

    @Test
    void ageIsInCompletedYearsReachedOnTheBirthday() {
        assertThat(Citizen.on(LocalDate.of(2026, 3, 15), BORN, Sex.F).age()).isEqualTo(49);
        assertThat(Citizen.on(LocalDate.of(2026, 3, 16), BORN, Sex.F).age()).isEqualTo(50);
    }

    @Test
    void leapDayBirthdayIsReachedOnTheLastDayOfFebruaryInCommonYears() {
        LocalDate leap = LocalDate.of(2008, 2, 29);
        assertThat(Citizen.on(LocalDate.of(2026, 2, 27), leap, Sex.M).age()).isEqualTo(17);
        assertThat(Citizen.on(LocalDate.of(2026, 2, 28), leap, Sex.M).age()).isEqualTo(18);
        assertThat(Citizen.on(LocalDate.of(2026, 2, 28), leap, Sex.M).minor()).isFalse();
    }

    @Test
    void lastDayOfAgeIsTheDayBeforeTheNextBirthday() {
        Citizen c = Citizen.on(LocalDate.of(2026, 3, 16), BORN, Sex.F);
        assertThat(c.birthday(50)).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(c.lastDayOfAge(74)).isEqualTo(LocalDate.of(2051, 3, 15));
    }

    @Test
    void anIntervalElapsesOnItsAnniversary() {
        Citizen c = Citizen.on(LocalDate.of(2026, 3, 16), BORN, Sex.F);
        assertThat(c.withinYears(LocalDate.of(2024, 3, 17), 2)).isTrue();
        assertThat(c.withinYears(LocalDate.of(2024, 3, 16), 2)).isFalse();
        assertThat(c.withinYears(LocalDate.of(2026, 3, 17), 2)).isFalse(); // not yet happened
        assertThat(c.withinMonths(LocalDate.of(2025, 9, 17), 6)).isTrue();
        assertThat(c.withinMonths(LocalDate.of(2025, 9, 16), 6)).isFalse();
    }
}
