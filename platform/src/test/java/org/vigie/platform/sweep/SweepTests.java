package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.population.SyntheticPopulation;

/** Sweeps of a generated population, on the application's real PostgreSQL, through the public services. */
@VigieApplicationTest
class SweepTests {

    static final LocalDate TODAY = VigieApplicationTest.TODAY;
    static final long SEED = 505;
    static final int CITIZENS = 3_000;

    @Autowired
    ApplicationContext context;

    @Autowired
    Sweeps sweeps;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    JdbcClient jdbc;

    SweepFixture fixture;

    @AfterEach
    void leaveNothingRunning() {
        fixture().noneRunning();
    }

    private SweepFixture fixture() {
        if (fixture == null) fixture = new SweepFixture(context);
        return fixture;
    }

    @Test
    void storesExactlyWhatTheEngineRecommendsToEachCitizenAndASecondSweepChangesNothing() {
        SyntheticPopulation population = fixture().population(SEED, CITIZENS, TODAY);

        Sweep first = fixture().finished(sweeps.start(SweepRequest.all(TODAY, "test").inChunksOf(500)).id(), Duration.ofMinutes(2));

        assertThat(first.status()).isEqualTo(SweepStatus.DONE);
        assertThat(first.allCampaigns()).isTrue();
        assertThat(first.campaigns()).containsExactlyElementsOf(sweeps.campaigns());
        assertThat(first.chunksDone()).isEqualTo(first.chunksTotal()).isGreaterThanOrEqualTo(CITIZENS / 500);
        long stored = jdbc.sql("select count(*) from citizen").query(Long.class).single();
        assertThat(first.citizensEvaluated() + first.citizensSkipped() + first.citizensFailed()).isEqualTo(stored);
        assertThat(first.citizensFailed()).isZero();
        assertThat(first.progress().percent()).isEqualTo(100.0);
        assertThat(first.progress().etaSeconds()).isZero();
        List<CitizenId> sample = IntStream.range(0, CITIZENS).filter(i -> i % 15 == 0)
                .mapToObj(i -> spaces.findByExternalId(population.externalId(i)).orElseThrow()).toList();
        fixture().assertStoredAsTheEngineDecides(sample, TODAY, new HashSet<>(sweeps.campaigns()));
        long reads = 0;
        for (SweepChunk chunk : sweeps.chunks(first.id())) {
            assertThat(chunk.status()).isEqualTo(ChunkStatus.DONE);
            long read = fixture().readsOf(first.id(), chunk.number());
            assertThat(read).as("chunk " + chunk.number() + " read once").isEqualTo(fixture().readable(chunk));
            reads += read;
        }
        // read: exactly the citizens whose data may serve prevention (P2, P8), each once
        assertThat(reads).isEqualTo(jdbc.sql("select count(*) from citizen where account_status in ('OPEN', 'ACTIVATED') "
                + "and not prevention_opt_out").query(Long.class).single());

        String before = fixture().recommendationVersions();
        Sweep second = fixture().finished(sweeps.start(SweepRequest.all(TODAY, "test").inChunksOf(700)).id(), Duration.ofMinutes(2));

        assertThat(second.status()).isEqualTo(SweepStatus.DONE);
        assertThat(second.opened()).isZero();
        assertThat(second.closed()).isZero();
        assertThat(second.citizensEvaluated()).isEqualTo(first.citizensEvaluated());
        assertThat(fixture().recommendationVersions()).as("no recommendation written again").isEqualTo(before);
    }

    @Test
    void anOptedOutOrClosedSpaceHasItsRecommendationsWithdrawnWithoutItsFactsBeingRead() {
        CitizenId optedOut = womanWithScreeningsDue("sweep-opted-out-");
        CitizenId closed = womanWithScreeningsDue("sweep-closed-");
        // behind the events' back: the sweep alone must withdraw them
        jdbc.sql("update citizen set prevention_opt_out = true where id = ?").param(optedOut.value()).update();
        jdbc.sql("update citizen set account_status = 'CLOSED', closed_at = now() where id = ?").param(closed.value()).update();

        Sweep sweep = fixture().finished(sweeps.start(SweepRequest.all(TODAY, "test")).id(), Duration.ofMinutes(2));

        assertThat(sweep.status()).isEqualTo(SweepStatus.DONE);
        for (CitizenId c : List.of(optedOut, closed)) {
            assertThat(jdbc.sql("select count(*) from trace where citizen_id = ? and action = 'read snapshot' and reason like ?")
                    .params(c.value(), "campaign sweep " + sweep.id() + ",%").query(Long.class).single()).as("read by the sweep").isZero();
            assertThat(jdbc.sql("select distinct status from recommendation where citizen_id = ?").param(c.value())
                    .query(String.class).list()).containsExactly("WITHDRAWN");
        }
    }

    /** A woman of 56 whose screenings were recommended when her space opened. */
    private CitizenId womanWithScreeningsDue(String prefix) {
        String externalId = prefix + System.nanoTime();
        CitizenId c = spaces.register(Actor.ingestion("test"), new Registration(externalId, LocalDate.of(1970, 5, 1), Sex.F, null, null));
        spaces.importSnapshot(Actor.ingestion("test"), externalId, org.vigie.engine.json.SnapshotJson.read("{\"citizenId\":\""
                + externalId + "\",\"citizen\":{\"birthDate\":\"1970-05-01\",\"sex\":\"F\",\"accountStatus\":\"ACTIVATED\"}}")
                .citizen(), "set-up");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from recommendation where citizen_id = ? and status = 'OPEN'").param(c.value()).query(Long.class).single() > 0);
        return c;
    }

    @Test
    void aCampaignsSweepOpensThatCampaignsRecommendationsOnlyAndSkipsSpacesNotCreated() {
        SyntheticPopulation population = fixture().population(506, 600, TODAY); // loaded without any recommendation
        CitizenId notCreated = spaces.register(Actor.ingestion("test"),
                new Registration("sweep-not-created-" + System.nanoTime(), LocalDate.of(1960, 5, 1), Sex.F, null, null));

        Sweep sweep = fixture().finished(sweeps.start(SweepRequest.of("screen-breast", TODAY, "test")).id(), Duration.ofMinutes(2));

        assertThat(sweep.status()).isEqualTo(SweepStatus.DONE);
        assertThat(sweep.campaigns()).containsExactly("screen-breast");
        assertThat(sweep.allCampaigns()).isFalse();
        assertThat(sweep.citizensSkipped()).isPositive();
        List<CitizenId> sample = IntStream.range(0, 600)
                .mapToObj(i -> spaces.findByExternalId(population.externalId(i)).orElseThrow()).toList();
        fixture().assertStoredAsTheEngineDecides(sample, TODAY, Set.of("screen-breast"));
        assertThat(jdbc.sql("select count(*) from trace where citizen_id = ? and action = 'read snapshot'")
                .param(notCreated.value()).query(Long.class).single()).as("a space not created is not read").isZero();
        assertThat(jdbc.sql("select count(*) from recommendation where citizen_id = ?").param(notCreated.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesACampaignTheRuleSetDoesNotHave() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sweeps.start(SweepRequest.of("screen-brest", TODAY, "test")))
                .isInstanceOf(UnknownCampaign.class)
                .hasMessageContaining("unknown campaign 'screen-brest'")
                .hasMessageContaining("screen-breast");
    }
}
