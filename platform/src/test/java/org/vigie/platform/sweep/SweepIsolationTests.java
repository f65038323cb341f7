package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.SpaceFacts;

/**
 * A citizen whose stored data breaks the work (a birth date of -999999999-01-01, stored before input
 * was bounded: PostgreSQL's {@code -infinity}) fails alone: the sweep sweeps the rest of the chunk and
 * lists them with the cause; their re-evaluation is recorded as failed once, not handed back forever.
 */
@VigieApplicationTest
class SweepIsolationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Sweeps sweeps;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    JdbcClient jdbc;

    final List<CitizenId> created = new ArrayList<>();

    @AfterEach
    void removeTheBrokenCitizens() {
        new SweepFixture(context).noneRunning();
        // other sweep tests count failures: leave none behind (their failures go with them)
        for (CitizenId c : created) jdbc.sql("delete from citizen where id = ?").param(c.value()).update();
    }

    @Test
    void aChunkSweepsEveryOtherCitizenAndListsTheOneThatFailsWithItsCause() {
        List<CitizenId> healthy = new ArrayList<>();
        for (int i = 0; i < 20; i++) healthy.add(citizen("1966-02-01"));
        CitizenId broken = citizen("1966-02-01");
        jdbc.sql("update citizen set birth_date = '-infinity' where id = ?").param(broken.value()).update();

        // one chunk for the whole database: the broken citizen shares it with everyone else
        Sweep sweep = new SweepFixture(context).finished(
                sweeps.start(SweepRequest.all(SweepTests.TODAY, "test").inChunksOf(1_000_000)).id(), Duration.ofMinutes(2));

        assertThat(sweep.status()).isEqualTo(SweepStatus.DONE);
        assertThat(sweep.chunksFailed()).isZero();
        assertThat(sweep.citizensFailed()).isEqualTo(1);
        List<SweepFailure> failures = sweeps.failures(sweep.id(), 10);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.citizen()).isEqualTo(broken);
            assertThat(f.cause()).isNotBlank();
        });
        for (CitizenId c : healthy) {
            assertThat(jdbc.sql("select count(*) from recommendation where citizen_id = ?").param(c.value()).query(Long.class).single())
                    .as("a woman of 60 swept with the broken citizen has her screenings").isPositive();
        }
    }

    @Test
    void aReevaluationThatCanNeverSucceedIsRecordedOnceAndNotHandedBackAgain() {
        CitizenId broken = citizen("1966-02-01");
        settle(broken);
        jdbc.sql("update citizen set birth_date = '-infinity' where id = ?").param(broken.value()).update();

        spaceFacts.addFact(Actor.holder(broken), broken, SnapshotJson.readFact("{\"code\":\"E11\",\"since\":\"2020-01-01\"}",
                org.vigie.engine.fact.Condition.class), "test");
        settle(broken);

        assertThat(jdbc.sql("select count(*) from reevaluation_failure where citizen_id = ?").param(broken.value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select cause from reevaluation_failure where citizen_id = ?").param(broken.value())
                .query(String.class).single()).isNotBlank();
    }

    private CitizenId citizen(String birthDate) {
        String externalId = "isolation-" + UUID.randomUUID();
        CitizenId id = spaces.importSnapshot(Actor.operator("test"), externalId, SnapshotJson.read("{\"citizenId\":\"" + externalId
                + "\",\"citizen\":{\"birthDate\":\"" + birthDate + "\",\"sex\":\"F\",\"accountStatus\":\"ACTIVATED\"}}").citizen(), "set-up");
        created.add(id);
        return id;
    }

    /** Waits until no event about the citizen is left unprocessed: a failed one would stay. */
    private void settle(CitizenId citizen) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                        "select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + citizen.value() + "%").query(Long.class).single() == 0);
    }
}
