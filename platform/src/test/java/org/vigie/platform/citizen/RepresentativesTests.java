package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.platform.citizen.Citizens.OPERATOR;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.VigieApplicationTest;

@VigieApplicationTest
class RepresentativesTests {

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    Representatives representatives;

    @Autowired
    JdbcClient jdbc;

    @Test
    void endsALegalRepresentativesAccessOnTheMinors18thBirthday() {
        CitizenId minor = Citizens.activated(spaces, lifecycle, LocalDate.of(2010, 7, 14), Sex.F);

        Representation parent = representatives.appointLegalRepresentative(OPERATOR, minor, "parent-a-" + minor, "support call");

        assertThat(parent.endsOn()).isEqualTo(LocalDate.of(2028, 7, 14));
        assertThat(representatives.mayAct(parent.representativeId(), minor, LocalDate.of(2028, 7, 13))).isTrue();
        assertThat(representatives.mayAct(parent.representativeId(), minor, LocalDate.of(2028, 7, 14))).isFalse();
        assertThat(representatives.representedBy(parent.representativeId(), VigieApplicationTest.TODAY)).containsExactly(minor);
        assertThat(representatives.representedBy(parent.representativeId(), LocalDate.of(2028, 7, 14))).isEmpty();
    }

    @Test
    void allowsAtMostTwoLegalRepresentatives() {
        CitizenId minor = Citizens.activated(spaces, lifecycle, LocalDate.of(2015, 1, 1), Sex.M);
        representatives.appointLegalRepresentative(OPERATOR, minor, "parent-1-" + minor, "invitation");
        representatives.appointLegalRepresentative(OPERATOR, minor, "parent-2-" + minor, "invitation");

        assertThatThrownBy(() -> representatives.appointLegalRepresentative(OPERATOR, minor, "parent-3-" + minor, "?"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at most two");
        assertThat(representatives.of(minor)).hasSize(2);
    }

    @Test
    void theDatabaseItselfRefusesAThirdLegalRepresentative() {
        CitizenId minor = Citizens.activated(spaces, lifecycle, LocalDate.of(2015, 1, 1), Sex.M);
        String insert = """
                insert into representative (id, citizen_id, kind, slot, representative_id, since, created_at)
                values (gen_random_uuid(), ?, 'LEGAL_REPRESENTATIVE', ?, ?, current_date, now())""";
        jdbc.sql(insert).params(minor.value(), 1, "a").update();
        jdbc.sql(insert).params(minor.value(), 2, "b").update();

        assertThatThrownBy(() -> jdbc.sql(insert).params(minor.value(), 3, "c").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).params(minor.value(), 1, "c").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void givesAProtectedAdultOneRepresentativeWithoutEnd() {
        CitizenId adult = Citizens.activated(spaces, lifecycle, LocalDate.of(1940, 1, 1), Sex.F);

        Representation tutor = representatives.appointProtectedAdultRepresentative(OPERATOR, adult, "tutor-" + adult, "court order");

        assertThat(tutor.endsOn()).isNull();
        assertThat(representatives.mayAct(tutor.representativeId(), adult, LocalDate.of(2060, 1, 1))).isTrue();
        assertThatThrownBy(() -> representatives.appointProtectedAdultRepresentative(OPERATOR, adult, "other", "?"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> representatives.appointLegalRepresentative(OPERATOR, adult, "parent", "?"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("of age");
    }

    @Test
    void revokedRepresentativesMayNoLongerAct() {
        CitizenId adult = Citizens.activated(spaces, lifecycle, LocalDate.of(1940, 1, 1), Sex.F);
        representatives.appointProtectedAdultRepresentative(OPERATOR, adult, "curator-" + adult, "court order");

        representatives.revoke(OPERATOR, adult, "curator-" + adult, "measure lifted");

        assertThat(representatives.mayAct("curator-" + adult, adult, VigieApplicationTest.TODAY)).isFalse();
    }
}
