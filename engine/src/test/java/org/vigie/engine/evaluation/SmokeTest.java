package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;

class SmokeTest {
    @Test
    void evaluates() {
        try (RuleSet rs = TestRuleBase.build("test-mammo")) {
            Decision d = rs.evaluate(new Snapshot("x", null, CitizenFacts.of(LocalDate.of(1970, 1, 1), Sex.F)), LocalDate.of(2026, 3, 1));
            System.out.println(d);
            assertThat(d.recommendations()).hasSize(1);
        }
    }
}
