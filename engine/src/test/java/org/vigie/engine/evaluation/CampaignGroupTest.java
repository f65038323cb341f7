package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;

/** Campaigns that see the same facts share a session; each recommendation still names its own campaign. */
class CampaignGroupTest {

    static final LocalDate ON = LocalDate.of(2026, 3, 16);

    static RuleSet build(String twinFile) {
        var catalogue = CampaignCatalogue.of(List.of(TestRuleBase.campaign("test-twin"), TestRuleBase.campaign("test-mammo")));
        return new RuleSetBuilder("test", "1", catalogue, TestRuleBase.terminology())
                .rules("test-twin", List.of(new RuleFile("rules/" + twinFile + ".drl", TestRuleBase.bytes("rules/" + twinFile + ".drl"))))
                .rules("test-mammo", List.of(new RuleFile("rules/test-mammo.drl", TestRuleBase.bytes("rules/test-mammo.drl"))))
                .build();
    }

    @Test
    void campaignsOfOneGroupKeepTheirOwnKeysRulesAndOrder() {
        try (RuleSet rules = build("test-twin")) {
            var woman = CitizenFacts.of(LocalDate.of(1960, 1, 1), Sex.F);
            for (int i = 0; i < 3; i++) { // the shared session is reused
                Decision d = rules.evaluate(new Snapshot(null, ON, woman), ON);
                assertThat(d.recommendations()).extracting(Recommendation::key, Recommendation::campaign, Recommendation::rule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("TEST_TWIN", "test-twin", "MammoDue"),
                                org.assertj.core.groups.Tuple.tuple("TEST_MAMMO", "test-mammo", "MammoDue"));
                assertThat(d.recommendations().get(0).reasons()).containsExactly("Vous avez 60 ans ou plus.");
            }
            var younger = CitizenFacts.of(LocalDate.of(1970, 1, 1), Sex.F);
            assertThat(rules.evaluate(new Snapshot(null, ON, younger), ON).recommendations())
                    .extracting(Recommendation::key).containsExactly("TEST_MAMMO");
        }
    }

    @Test
    void someCampaignsOnlyGiveExactlyTheirPartOfTheWholeDecision() {
        try (RuleSet rules = build("test-twin")) {
            var woman = new Snapshot(null, ON, CitizenFacts.of(LocalDate.of(1960, 1, 1), Sex.F));
            // both campaigns share one session: asking for one must not let the other's recommendation out
            assertThat(rules.evaluate(woman, ON, java.util.Set.of("test-mammo")).recommendations())
                    .extracting(Recommendation::key).containsExactly("TEST_MAMMO");
            assertThat(rules.evaluate(woman, ON, java.util.Set.of("test-twin")).recommendations())
                    .extracting(Recommendation::key).containsExactly("TEST_TWIN");
            assertThat(rules.evaluate(woman, ON, java.util.Set.of("test-twin", "test-mammo")).recommendations())
                    .isEqualTo(rules.evaluate(woman, ON).recommendations());
            assertThat(rules.evaluate(woman, ON, java.util.Set.of("no-such-campaign")).recommendations()).isEmpty();
        }
    }

    @Test
    void twoCampaignsMayNotShareARulePackage() {
        assertThatThrownBy(() -> build("test-twin-clash"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("campaigns 'test-twin' and 'test-mammo' both define rule package 'org.vigie.test.mammo'");
    }
}
