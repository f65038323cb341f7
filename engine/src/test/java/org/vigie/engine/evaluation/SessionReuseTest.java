package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;

/**
 * Sessions are reused between evaluations: nothing of one evaluation may leak into the next; and
 * facts are values: the same fact recorded twice is matched once.
 */
class SessionReuseTest {

    static final LocalDate ON = LocalDate.of(2026, 3, 16);

    @Test
    void activationGroupsHoldOnEveryEvaluation() {
        var citizen = new CitizenFacts(LocalDate.of(1960, 1, 1), Sex.F, null, null, null, null, null, null, null,
                List.of(new Act(ActKind.MAMMOGRAPHY, LocalDate.of(2020, 1, 1))), null, null, null, null);
        try (RuleSet rules = TestRuleBase.build(TestRuleBase.campaign("test-mammo"), "test-group")) {
            for (int i = 0; i < 50; i++) {
                Decision d = rules.evaluate(new Snapshot("c", ON, citizen), ON);
                assertThat(d.recommendations()).as("evaluation %d", i).singleElement()
                        .satisfies(r -> assertThat(r.rule()).isEqualTo("FirstChoice"));
            }
        }
    }

    @Test
    void aRuleThatChangesFactsIsStopped() {
        var citizen = CitizenFacts.of(LocalDate.of(1960, 1, 1), Sex.F);
        try (RuleSet rules = TestRuleBase.build(TestRuleBase.campaign("test-mammo"), "test-inserting")) {
            assertThatThrownBy(() -> rules.evaluate(new Snapshot("c", ON, citizen), ON))
                    .hasStackTraceContaining("rule 'InventsAMammography' inserted a fact (Act): rules never change facts");
            // the failed session is not reused: the next evaluation fails the same way, nothing leaked
            assertThatThrownBy(() -> rules.evaluate(new Snapshot("c", ON, citizen), ON))
                    .hasStackTraceContaining("inserted a fact");
        }
    }

    @Test
    void theSameFactFromSeveralSourcesCountsOnce() {
        var twice = List.of(new Act(ActKind.MAMMOGRAPHY, LocalDate.of(2020, 1, 1)),
                new Act(ActKind.MAMMOGRAPHY, LocalDate.of(2020, 1, 1)),
                new Act(ActKind.MAMMOGRAPHY, LocalDate.of(2020, 1, 1), null, null, org.vigie.engine.fact.Source.SELF, false));
        var citizen = new CitizenFacts(LocalDate.of(1960, 1, 1), Sex.F, null, null, null, null, null, null, null,
                twice, null, null, null, null);
        try (RuleSet rules = TestRuleBase.build(TestRuleBase.campaign("test-mammo"), "test-each")) {
            assertThat(rules.evaluate(new Snapshot("c", ON, citizen), ON).recommendations()).hasSize(1);
        }
    }
}
