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
        var citizen = CitizenFacts.builder(LocalDate.of(1960, 1, 1), Sex.F)
                .acts(List.of(new Act(ActKind.MAMMOGRAPHY, LocalDate.of(2020, 1, 1)))).build();
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
        var citizen = CitizenFacts.builder(LocalDate.of(1960, 1, 1), Sex.F).acts(twice).build();
        try (RuleSet rules = TestRuleBase.build(TestRuleBase.campaign("test-mammo"), "test-each")) {
            assertThat(rules.evaluate(new Snapshot("c", ON, citizen), ON).recommendations()).hasSize(1);
        }
    }

    /** Two campaigns of one group, each in a package of its own, as the key-age check-ups are. */
    static RuleSet twoBands() {
        var catalogue = org.vigie.engine.campaign.CampaignCatalogue.of(
                List.of(TestRuleBase.campaign("test-band-young"), TestRuleBase.campaign("test-band-old")));
        var builder = new RuleSetBuilder("test", "1", catalogue, TestRuleBase.terminology());
        for (String id : List.of("test-band-young", "test-band-old")) {
            builder.rules(id, List.of(new RuleFile("rules/" + id + ".drl", TestRuleBase.bytes("rules/" + id + ".drl"))));
        }
        return builder.build();
    }

    /**
     * Drools 10.2 with shared beta nodes left the second package's negation unlinked until an act of
     * that kind had passed through the session: a 47-year-old got nothing in a fresh process and got
     * her check-up after someone with a recorded one. Both answers must be the first evaluation's.
     */
    @Test
    void aNegationOverAFactTypeNoSessionHasSeenHoldsFromTheFirstEvaluation() {
        var fortySeven = new Snapshot("a", ON, CitizenFacts.of(LocalDate.of(1979, 1, 1), Sex.F));
        var twenty = new Snapshot("b", ON, CitizenFacts.of(LocalDate.of(2006, 1, 1), Sex.M));
        var withCheckup = new Snapshot("c", ON, CitizenFacts.builder(LocalDate.of(1979, 1, 1), Sex.F)
                .acts(List.of(new Act(ActKind.PREVENTION_CHECKUP, LocalDate.of(2025, 1, 1)))).build());
        try (RuleSet rules = twoBands()) {
            assertThat(rules.evaluate(fortySeven, ON).recommendations()).extracting(Recommendation::key)
                    .containsExactly("TEST_BAND_OLD");
            assertThat(rules.evaluate(twenty, ON).recommendations()).extracting(Recommendation::key)
                    .containsExactly("TEST_BAND_YOUNG");
            assertThat(rules.evaluate(withCheckup, ON).recommendations()).isEmpty();
            assertThat(rules.evaluate(fortySeven, ON).recommendations()).extracting(Recommendation::key)
                    .containsExactly("TEST_BAND_OLD");
        }
    }

    @Test
    void aFreshCopyAnswersAsTheRuleSetItCameFrom() {
        var fortySeven = new Snapshot("a", ON, CitizenFacts.of(LocalDate.of(1979, 1, 1), Sex.F));
        try (RuleSet rules = twoBands(); RuleSet fresh = rules.fresh()) {
            assertThat(fresh.id()).isEqualTo(rules.id());
            assertThat(fresh.evaluate(fortySeven, ON)).isEqualTo(rules.evaluate(fortySeven, ON));
        }
        // closing the original left the copy's sessions alone, and the other way round
    }
}
