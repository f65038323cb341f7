package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;

@VigieApplicationTest
class RetentionTests {

    private static final Instant CLOSED_AT = LocalDate.of(2026, 3, 16).atStartOfDay(TestClock.PARIS).toInstant();

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    Retention retention;

    @Autowired
    Traces traces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void keepsAClosedSpaceUntilTenYearsAfterClosure() {
        CitizenId id = closedWithData(false);

        clock.set(LocalDate.of(2036, 3, 15).atStartOfDay(TestClock.PARIS).toInstant());
        assertThat(retention.purge()).doesNotContain(id);

        assertThat(spaceFacts.facts(Actor.holder(id), id, "check")).hasSize(1);
    }

    @Test
    void purgesAClosedSpaceTenYearsAfterClosureTracesIncluded() {
        CitizenId id = closedWithData(false);

        clock.set(LocalDate.of(2036, 3, 17).atStartOfDay(TestClock.PARIS).toInstant());
        assertThat(retention.purge()).contains(id);

        assertThatThrownBy(() -> spaces.account(id)).isInstanceOf(UnknownCitizen.class);
        assertThat(traces.of(id)).isEmpty();
        assertThat(jdbc.sql("select count(*) from condition where citizen_id = ?").param(id.value()).query(Long.class).single()).isZero();
    }

    @Test
    void purgesAtOnceWhenDeletionWasRequested() {
        CitizenId id = closedWithData(true);

        assertThat(retention.purge()).contains(id);

        assertThatThrownBy(() -> spaces.account(id)).isInstanceOf(UnknownCitizen.class);
        assertThat(traces.of(id)).isEmpty();
    }

    @Test
    void neverPurgesASpaceThatIsNotClosed() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1950, 1, 1), Sex.M);

        clock.set(LocalDate.of(2050, 1, 1).atStartOfDay(TestClock.PARIS).toInstant());
        assertThat(retention.purge()).doesNotContain(id);

        assertThat(spaces.account(id).state()).isEqualTo(AccountState.ACTIVATED);
    }

    private CitizenId closedWithData(boolean deleteData) {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1950, 1, 1), Sex.M);
        spaceFacts.addFact(Actor.holder(id), id, new Condition("I10", null), "profile");
        clock.set(CLOSED_AT);
        lifecycle.close(Actor.holder(id), id, deleteData, "leaving");
        return id;
    }
}
