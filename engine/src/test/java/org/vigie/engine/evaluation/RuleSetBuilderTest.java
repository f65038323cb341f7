package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.DocumentType;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;

/** Building a rule set: compile errors and minimisation (P4) are caught before anything runs. */
class RuleSetBuilderTest {

    static Campaign declaring(String id, DataCategory... categories) {
        Campaign c = TestRuleBase.campaign(id);
        return new Campaign(c.id(), c.key(), c.title(), c.description(), c.pathway(),
                categories.length == 0 ? Set.of() : EnumSet.of(categories[0], categories), c.notificationCategory(),
                c.seasons(), c.coolDown(), null, null, null, null, null);
    }

    @Test
    void ruleMatchingAnUndeclaredCategoryFailsTheBuild() {
        assertThatThrownBy(() -> TestRuleBase.build("test-measures"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("rule 'ObesityByBmi'")
                .hasMessageContaining("campaign 'test-measures'")
                .hasMessageContaining("category MEASURES")
                .hasMessageContaining("does not declare");
    }

    @Test
    void declaringTheCategoryMakesTheSameRuleBuild() {
        try (RuleSet rs = TestRuleBase.build(declaring("test-measures", DataCategory.IDENTITY, DataCategory.MEASURES),
                "test-measures")) {
            assertThat(rs.rulesOf("test-measures")).containsExactly("ObesityByBmi");
        }
    }

    @Test
    void categoriesReadInsideNotExistsAndAccumulateAreChecked() {
        // test-mammo reads acts and conditions only under "not"; without those categories it must not build
        assertThatThrownBy(() -> TestRuleBase.build(declaring("test-mammo", DataCategory.IDENTITY), "test-mammo"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("Act facts of category REIMBURSEMENT_HISTORY")
                .hasMessageContaining("Condition facts of category MEDICAL_PROFILE");
        assertThatThrownBy(() -> TestRuleBase.build(declaring("test-measures", DataCategory.IDENTITY), "test-accumulate"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("rule 'ManyVaccines'")
                .hasMessageContaining("category VACCINATIONS");
    }

    @Test
    void accumulateReadsOnlyTheFactsItAccumulates() {
        try (RuleSet rs = TestRuleBase.build(declaring("test-measures", DataCategory.IDENTITY, DataCategory.VACCINATIONS),
                "test-accumulate")) {
            assertThat(rs.rulesOf("test-measures")).containsExactly("ManyVaccines");
            var born = LocalDate.of(1960, 1, 1);
            var three = List.of(new Vaccination(Vaccine.FLU, LocalDate.of(2023, 10, 1)),
                    new Vaccination(Vaccine.FLU, LocalDate.of(2024, 10, 1)), new Vaccination(Vaccine.FLU, LocalDate.of(2025, 10, 1)));
            var citizen = org.vigie.engine.fact.CitizenFacts.builder(born, org.vigie.engine.fact.Sex.F).vaccinations(three).build();
            var d = rs.evaluate(new org.vigie.engine.fact.Snapshot(null, LocalDate.of(2026, 1, 1), citizen), LocalDate.of(2026, 1, 1));
            assertThat(d.recommendations()).singleElement()
                    .satisfies(r -> assertThat(r.dataUsed()).containsExactly(DataCategory.IDENTITY, DataCategory.VACCINATIONS));
        }
    }

    @Test
    void identityIsACategoryToo() {
        assertThatThrownBy(() -> TestRuleBase.build(declaring("test-measures", DataCategory.MEASURES), "test-measures"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("Citizen facts of category IDENTITY");
    }

    @Test
    void ruleMatchingAnyObjectFailsTheBuild() {
        assertThatThrownBy(() -> TestRuleBase.build(declaring("test-measures", DataCategory.values()), "test-object"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("rule 'AnythingAtAll'")
                .hasMessageContaining("matches Object, which is not a fact type");
    }

    @Test
    void compileErrorsNameTheFileAndLine() {
        assertThatThrownBy(() -> TestRuleBase.build(declaring("test-measures", DataCategory.IDENTITY), "test-broken"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("campaign 'test-measures': rules/test-broken.drl:")
                .hasMessageContaining("agee");
    }

    @Test
    void rulesMustDeclareTheConclusionsTheyWriteTo() {
        assertThatThrownBy(() -> TestRuleBase.build(declaring("test-measures", DataCategory.IDENTITY), "test-noglobal"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("must declare 'global org.vigie.engine.evaluation.Conclusions out;'");
    }

    @Test
    void everyCampaignNeedsRulesAndEveryRuleFileACampaign() {
        var catalogue = CampaignCatalogue.of(List.of(TestRuleBase.campaign("test-mammo")));
        assertThatThrownBy(() -> new RuleSetBuilder("t", "1", catalogue, TestRuleBase.terminology())
                .rules("elsewhere", List.of(new RuleFile("rules/test-mammo.drl", TestRuleBase.bytes("rules/test-mammo.drl"))))
                .build())
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("campaign 'elsewhere', which has no campaign file")
                .hasMessageContaining("campaign 'test-mammo' has no rule file");
    }

    @Test
    void aShippedRuleBaseNamesItsRuleFilesAfterTheCampaign() {
        assertThatThrownBy(() -> shipped("rules/test-mammo.drl", TestRuleBase.text("rules/test-mammo.drl")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("campaign 'test-mammo': rule file rules/test-mammo.drl must be named after the campaign: "
                        + "vigie/rules/test-mammo/test-mammo.drl (or .drl.csv), or vigie/rules/test-mammo/test-mammo-<part>.drl");
    }

    @Test
    void aShippedRuleBaseNamesItsRulePackageAfterTheCampaign() {
        assertThatThrownBy(() -> shipped("vigie/rules/test-mammo/test-mammo.drl", TestRuleBase.text("rules/test-mammo.drl")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("campaign 'test-mammo': vigie/rules/test-mammo/test-mammo.drl: rule package "
                        + "'org.vigie.test.mammo' must be 'org.vigie.rules.test_mammo', the campaign id with '_' for '-'");
        String named = TestRuleBase.text("rules/test-mammo.drl").replace("package org.vigie.test.mammo", "package org.vigie.rules.test_mammo");
        try (RuleSet rs = shipped("vigie/rules/test-mammo/test-mammo-part.drl", named)) {
            assertThat(rs.rulesOf("test-mammo")).containsExactly("MammoDue");
        }
    }

    @Test
    void aShippedRuleBaseKeysEachCampaignByItsId() {
        Campaign c = TestRuleBase.campaign("test-mammo");
        Campaign otherKey = new Campaign(c.id(), "MAMMO", c.title(), c.description(), c.pathway(), c.dataCategories(),
                c.notificationCategory(), c.seasons(), c.coolDown(), c.surfaces(), c.profileSection(), c.completedBy(),
                c.performedBy(), c.bookedBy());
        String named = TestRuleBase.text("rules/test-mammo.drl").replace("package org.vigie.test.mammo", "package org.vigie.rules.test_mammo");
        assertThatThrownBy(() -> shipped(otherKey, "vigie/rules/test-mammo/test-mammo.drl", named))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("vigie/campaigns/test-mammo.yaml: key: 'MAMMO' must be TEST_MAMMO");
    }

    private static RuleSet shipped(String path, String drl) {
        return shipped(TestRuleBase.campaign("test-mammo"), path, drl);
    }

    private static RuleSet shipped(Campaign campaign, String path, String drl) {
        return new RuleSetBuilder("t", "1", CampaignCatalogue.of(List.of(campaign)), TestRuleBase.terminology())
                .requireNamesFromIds()
                .rules("test-mammo", List.of(new RuleFile(path, drl.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
    }

    @Test
    void decisionTablesMustCarryARecognisedSuffix() {
        assertThatThrownBy(() -> new RuleFile("rules/screening.csv", new byte[0]))
                .hasMessageContaining("must end in .drl, .drl.csv, .drl.xls or .drl.xlsx");
    }

    @Test
    void atRunTimeACampaignIsGivenOnlyTheCategoriesItDeclares() {
        Campaign onlyActs = declaring("test-mammo", DataCategory.IDENTITY, DataCategory.REIMBURSEMENT_HISTORY);
        List<Fact> facts = List.of(
                new Act(ActKind.MAMMOGRAPHY, LocalDate.of(2025, 1, 1)),
                new Condition("C50", LocalDate.of(2010, 1, 1)),
                new Measure(MeasureKind.BMI, 41.0, LocalDate.of(2025, 1, 1), null, false),
                new Vaccination(Vaccine.FLU, LocalDate.of(2025, 10, 1)),
                new Document(DocumentType.IMAGING_REPORT, LocalDate.of(2025, 1, 1), null, false),
                new Appointment(AppointmentKind.MAMMOGRAPHY, LocalDate.of(2027, 1, 1), null, null, false),
                new Act(ActKind.MAMMOGRAPHY, LocalDate.of(2025, 1, 1), null, null, Source.INSURER, false));
        assertThat(facts.stream().filter(f -> FactGuard.visible(f, onlyActs, false)))
                .containsExactly(facts.get(0));
        assertThat(facts.stream().filter(f -> FactGuard.visible(f, onlyActs, true)))
                .containsExactly(facts.get(0), facts.get(6));
    }
}
