package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.SnapshotJson;

/**
 * A decision is a function of the rule set, the snapshot and the reference date alone. Generated
 * citizens (every fact type and source, hidden facts, consents, account states, ages and dates at the
 * rules' boundaries) are each evaluated alone on a fresh copy of the shipped rule set, and then all
 * together in a random order, from several threads, in a shared one that has evaluated everyone else:
 * any difference fails and prints the citizen. Size: {@code -Dvigie.purity.citizens=N} (default 2,000
 * citizens, 4 dates each) and {@code -Dvigie.purity.seed=S}.
 */
class DecisionPurityTest {

    private static final int CITIZENS = Integer.getInteger("vigie.purity.citizens", 2_000);
    private static final long SEED = Long.getLong("vigie.purity.seed", 20261207L);
    private static final int DATES = 4;

    private static RuleSet shared;

    @BeforeAll
    static void build() {
        shared = RuleSetManifest.loadDefault();
    }

    @AfterAll
    static void close() {
        shared.close();
    }

    /** One generated case: the line as a caller sends it, and the snapshot read from it. */
    record Case(String line, Snapshot snapshot) {
    }

    static List<List<Case>> generate(int citizens, long seed) {
        GeneratedCitizens generator = new GeneratedCitizens(seed);
        List<List<Case>> all = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            LocalDate first = generator.referenceDate();
            Map<String, Object> citizen = generator.citizen(first);
            List<Case> dates = new ArrayList<>();
            for (int d = 0; d < DATES; d++) {
                LocalDate on = d == 0 ? first : generator.referenceDate();
                if (on.isBefore(LocalDate.parse((String) citizen.get("birthDate")))) continue;
                String line = GeneratedCitizens.snapshot("g" + i, on, citizen);
                dates.add(new Case(line, SnapshotJson.read(line)));
            }
            all.add(dates);
        }
        return all;
    }

    /** A difference as a reader needs it: the input line, then each answer's keys and in full. */
    static String describe(String line, Decision alone, Decision together) {
        return "snapshot: " + line
                + "\n  alone:    " + alone.recommendations().stream().map(r -> r.key() + "/" + r.rule()).toList() + " " + alone
                + "\n  together: " + together.recommendations().stream().map(r -> r.key() + "/" + r.rule()).toList() + " " + together;
    }

    @Test
    void eachCitizenAloneOnAFreshRuleSetIsDecidedAsInAnySharedOrder() throws Exception {
        List<List<Case>> citizens = generate(CITIZENS, SEED);
        List<Case> cases = citizens.stream().flatMap(List::stream).toList();
        assertThat(cases).hasSizeGreaterThan(CITIZENS * (DATES - 1));

        List<Decision> alone = new ArrayList<>();
        for (List<Case> dates : citizens) {
            try (RuleSet fresh = shared.fresh()) {
                for (Case c : dates) alone.add(fresh.evaluate(c.snapshot(), null));
            }
        }
        // the answers are not all alike: the generator reaches the campaigns
        assertThat(alone.stream().flatMap(d -> d.recommendations().stream()).map(r -> r.key()).distinct().count())
                .as("campaigns recommended across the generated citizens").isGreaterThanOrEqualTo(15);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(SEED));
        Decision[] together = new Decision[cases.size()];
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int chunk = 0; chunk < order.size(); chunk += 500) {
                List<Integer> part = order.subList(chunk, Math.min(order.size(), chunk + 500));
                done.add(threads.submit(() -> part.forEach(i -> together[i] = shared.evaluate(cases.get(i).snapshot(), null))));
            }
            for (Future<?> f : done) f.get();
        } finally {
            threads.shutdown();
        }

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < cases.size() && differences.size() < 5; i++) {
            if (!alone.get(i).equals(together[i])) {
                differences.add(describe(cases.get(i).line(), alone.get(i), together[i]));
            }
        }
        assertThat(differences).as("decisions that depend on what was evaluated before (seed %d)", SEED).isEmpty();
    }
}
