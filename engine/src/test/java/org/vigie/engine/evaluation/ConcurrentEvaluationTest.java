package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;

/** One shared rule set evaluated from many threads gives exactly the sequential answers. */
class ConcurrentEvaluationTest {

    @Test
    void concurrentEvaluationsDoNotInterfere() throws Exception {
        LocalDate on = LocalDate.of(2026, 3, 16);
        List<Snapshot> snapshots = IntStream.range(0, 4_000).mapToObj(i -> {
            LocalDate born = LocalDate.of(1940 + i % 60, 1 + i % 12, 1 + i % 28);
            List<Act> acts = i % 3 == 0 ? List.of(new Act(ActKind.MAMMOGRAPHY, on.minusMonths(i % 40))) : List.of();
            return new Snapshot("c" + i, on, CitizenFacts.builder(born, i % 2 == 0 ? Sex.F : Sex.M).acts(acts).build());
        }).toList();
        try (RuleSet rules = TestRuleBase.build("test-mammo")) {
            List<Decision> sequential = snapshots.stream().map(s -> rules.evaluate(s, on)).toList();
            assertThat(sequential).anySatisfy(d -> assertThat(d.recommendations()).isNotEmpty());
            assertThat(sequential).anySatisfy(d -> assertThat(d.recommendations()).isEmpty());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Decision>> futures = snapshots.stream().map(s -> pool.submit(() -> rules.evaluate(s, on))).toList();
                for (int i = 0; i < futures.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
