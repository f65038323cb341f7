package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.campaign.Completion;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;

/**
 * What completes a recommendation, as the decision carries it: the campaign's own acts, in its
 * period, among the facts its rules may see.
 */
class CompletionTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate ON = LocalDate.of(2026, 3, 16);

    static RuleSet build() {
        Campaign c = TestRuleBase.campaign("test-mammo");
        Campaign completed = new Campaign(c.id(), c.key(), c.title(), c.description(), c.pathway(), c.dataCategories(),
                c.notificationCategory(), c.seasons(), c.coolDown(), c.surfaces(), c.profileSection(),
                new Completion(Set.of(ActKind.MAMMOGRAPHY), Set.of()), null, null);
        return new RuleSetBuilder("test", "1", CampaignCatalogue.of(List.of(completed)), TestRuleBase.terminology())
                .rules("test-mammo", List.of(new RuleFile("rules/test-mammo.drl", TestRuleBase.bytes("rules/test-mammo.drl"))))
                .build();
    }

    static CitizenFacts woman(Map<Pathway, Consent> consents, Act act) {
        return CitizenFacts.builder(LocalDate.of(1960, 1, 1), Sex.F).insurerDataConsent(consents)
                .vaccinations(List.of(new Vaccination(Vaccine.FLU, ON.minusDays(3)))).acts(List.of(act)).build();
    }

    /** Whether the decision on {@code on} shows the campaign completed from {@code from} to {@code on}. */
    static boolean completed(RuleSet rules, String campaign, CitizenFacts citizen, LocalDate from, LocalDate on) {
        return rules.evaluate(new Snapshot("c", on, citizen), on).completedBetween(campaign, from, on);
    }

    @Test
    void itsOwnActDatedInThePeriodCompletesItAndNothingElseDoes() {
        try (RuleSet rules = build()) {
            assertThat(completed(rules, "test-mammo", woman(null, new Act(ActKind.MAMMOGRAPHY, FROM)), FROM, ON)).isTrue();
            assertThat(completed(rules, "test-mammo", woman(null, new Act(ActKind.MAMMOGRAPHY, ON)), FROM, ON)).isTrue();
            assertThat(completed(rules, "test-mammo", woman(null, new Act(ActKind.MAMMOGRAPHY, FROM.minusDays(1))), FROM, ON))
                    .as("before its period").isFalse();
            assertThat(completed(rules, "test-mammo", woman(null, new Act(ActKind.MAMMOGRAPHY, ON.plusDays(1))), FROM, ON))
                    .as("after the reference date").isFalse();
            assertThat(completed(rules, "test-mammo", woman(null, new Act(ActKind.FIT_TEST, ON)), FROM, ON))
                    .as("another campaign's act, and a vaccination, in the period").isFalse();
            assertThat(completed(rules, "no-such-campaign", woman(null, new Act(ActKind.MAMMOGRAPHY, ON)), FROM, ON)).isFalse();
        }
    }

    @Test
    void anInsurersActCountsOnlyWithTheConsentOfTheCampaignsPathway() {
        Act insurers = new Act(ActKind.MAMMOGRAPHY, ON, null, null, Source.INSURER, false);
        try (RuleSet rules = build()) {
            assertThat(completed(rules, "test-mammo", woman(Map.of(Pathway.SCREENING, Consent.GRANTED), insurers), FROM, ON)).isTrue();
            assertThat(completed(rules, "test-mammo", woman(Map.of(Pathway.SCREENING, Consent.REFUSED), insurers), FROM, ON)).isFalse();
            assertThat(completed(rules, "test-mammo", woman(Map.of(Pathway.CHRONIC_CONDITIONS, Consent.GRANTED), insurers), FROM, ON))
                    .isFalse();
        }
    }

    @Test
    void theCompletionDatesStayOutOfTheContractsJson() {
        try (RuleSet rules = build()) {
            Decision decision = rules.evaluate(new Snapshot("c", ON, woman(null, new Act(ActKind.MAMMOGRAPHY, FROM))), ON);
            assertThat(decision.completions()).containsEntry("test-mammo", List.of(FROM));
            Decision without = new Decision(decision.citizenId(), decision.on(), decision.ruleSet(), decision.suppressed(),
                    decision.recommendations());
            assertThat(org.vigie.engine.json.SnapshotJson.write(decision)).isEqualTo(org.vigie.engine.json.SnapshotJson.write(without))
                    .doesNotContain("completions");
        }
    }
}
