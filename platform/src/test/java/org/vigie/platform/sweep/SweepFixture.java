package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Snapshot;
import org.vigie.platform.citizen.AccountState;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.BulkImport;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.database.LostDatabase;
import org.vigie.platform.evaluation.RuleSets;
import org.vigie.platform.population.SyntheticPopulation;

/**
 * What sweep tests share: a generated population loaded once per database (through {@code COPY},
 * as the {@code generate} command does), waiting for sweeps, and what a check of a chunk or of a
 * citizen reads.
 */
final class SweepFixture {

    private final ApplicationContext context;
    private final JdbcClient jdbc;

    SweepFixture(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** Loads {@code count} generated citizens of the seed, unless the database holds them already. */
    SyntheticPopulation population(long seed, int count, LocalDate on) {
        BulkImport bulk = context.getBean(BulkImport.class);
        SyntheticPopulation population = new SyntheticPopulation(on, seed);
        if (bulk.countByExternalIdPrefix(SyntheticPopulation.externalIdPrefix(seed)) == 0) {
            bulk.load(Actor.ingestion("sweep-tests"), "sweep tests, seed " + seed, count, population::space);
        }
        return population;
    }

    /** Waits until the sweep is no longer running. */
    Sweep finished(long sweep, Duration atMost) {
        Sweeps sweeps = context.getBean(Sweeps.class);
        long deadline = System.nanoTime() + atMost.toNanos();
        Sweep s = null;
        while (true) {
            try {
                s = sweeps.find(sweep).orElseThrow();
                if (s.status() != SweepStatus.RUNNING) return s;
            } catch (RuntimeException e) {
                if (!LostDatabase.causedBy(e)) throw e; // the database is restarting: look again
            }
            if (System.nanoTime() > deadline) throw new AssertionError("sweep " + sweep + " still running after " + atMost + ": " + s);
            pause(50);
        }
    }

    /** Waits until no sweep runs: a test leaves no work behind that would change what the next one reads. */
    void noneRunning() {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (jdbc.sql("select count(*) from sweep where status = 'RUNNING'").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("a sweep is still running");
            pause(50);
        }
    }

    /** How many citizens a chunk's check-ins read: one trace entry per citizen per check-in (P9). */
    long readsOf(long sweep, int chunk) {
        return jdbc.sql("select count(*) from trace where action = 'read snapshot' and reason = ?")
                .param("campaign sweep " + sweep + ", chunk " + chunk).query(Long.class).single();
    }

    /**
     * How many citizens a check-in of the chunk reads: those of its range whose data may serve
     * prevention (an opted-out or closed space is evaluated on its account alone, unread).
     */
    long readable(SweepChunk chunk) {
        return jdbc.sql("select count(*) from citizen where account_status in ('OPEN', 'ACTIVATED') and not prevention_opt_out "
                        + "and (?::uuid is null or id >= ?::uuid) and (?::uuid is null or id < ?::uuid)")
                .params(chunk.fromId(), chunk.fromId(), chunk.toId(), chunk.toId()).query(Long.class).single();
    }

    /**
     * What the engine decides today for the stored citizen, read as any other reader does, on a fresh
     * copy of the rule set: what the sweep stored must not depend on what its sessions evaluated before.
     */
    static Decision engine(ApplicationContext context, CitizenId citizen, LocalDate on) {
        Snapshot snapshot = context.getBean(CitizenSpaces.class).snapshot(Actor.operator("sweep-test"), citizen, "check");
        try (RuleSet fresh = context.getBean(RuleSets.class).live().fresh()) {
            return fresh.evaluate(snapshot, on);
        }
    }

    /** A recommendation as the store and the engine both describe it. */
    record Due(String key, String campaign, String rule, LocalDate dueFrom, LocalDate dueBy) {
        static Due of(Recommendation r) {
            return new Due(r.key(), r.campaign(), r.rule(), r.dueFrom(), r.dueBy());
        }
    }

    /** The active stored recommendations of the citizens, by citizen. */
    Map<CitizenId, Set<Due>> active(List<CitizenId> citizens) {
        Map<CitizenId, Set<Due>> active = new HashMap<>();
        citizens.forEach(c -> active.put(c, new HashSet<>()));
        jdbc.sql("select citizen_id, key, campaign, rule, due_from, due_by from recommendation "
                        + "where citizen_id = any(?) and status in ('OPEN', 'NOTIFIED', 'SEEN')")
                .param(citizens.stream().map(CitizenId::value).toArray(UUID[]::new))
                .query((rs, n) -> {
                    active.get(new CitizenId(rs.getObject(1, UUID.class))).add(new Due(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)));
                    return null;
                }).list();
        return active;
    }

    /** Checks that each citizen's active recommendations are exactly what the engine gives, for the campaigns given. */
    void assertStoredAsTheEngineDecides(List<CitizenId> citizens, LocalDate on, Set<String> campaigns) {
        Map<CitizenId, Set<Due>> stored = active(citizens);
        CitizenSpaces spaces = context.getBean(CitizenSpaces.class);
        int recommended = 0;
        for (CitizenId citizen : citizens) {
            Set<Due> expected = new HashSet<>();
            if (spaces.account(citizen).state() != AccountState.NOT_CREATED) {
                engine(context, citizen, on).recommendations().stream()
                        .filter(r -> campaigns.contains(r.campaign())).map(Due::of).forEach(expected::add);
            }
            recommended += expected.size();
            assertThat(stored.get(citizen)).as("active recommendations of " + citizen).isEqualTo(expected);
        }
        assertThat(recommended).as("recommendations in the sample").isPositive();
    }

    /** Every row of the recommendation table with its row version: a write changes it, even one to the same values. */
    String recommendationVersions() {
        return jdbc.sql("select coalesce(md5(string_agg(id::text || ':' || xmin::text || ':' || status, ',' order by id)), '') "
                + "from recommendation").query(String.class).single();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
