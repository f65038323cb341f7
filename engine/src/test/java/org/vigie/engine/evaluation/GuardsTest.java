package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.CodeSystem;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Source;
import org.vigie.engine.json.InvalidInputException;

/**
 * The guards of the contract, observed through evaluation with small test campaigns: the rules
 * would recommend, and the guard must stop or blind them.
 */
class GuardsTest {

    static final LocalDate ON = LocalDate.of(2026, 3, 16);
    static final LocalDate WOMAN_OF_55 = LocalDate.of(1970, 6, 1);

    static RuleSet rules;

    @BeforeAll
    static void build() {
        var catalogue = CampaignCatalogue.of(List.of(TestRuleBase.campaign("test-mammo"), TestRuleBase.campaign("test-minor")));
        rules = new RuleSetBuilder("test", "1", catalogue, TestRuleBase.terminology())
                .rules("test-mammo", List.of(new RuleFile("rules/test-mammo.drl", TestRuleBase.bytes("rules/test-mammo.drl"))))
                .rules("test-minor", List.of(new RuleFile("rules/test-minor.drl", TestRuleBase.bytes("rules/test-minor.drl"))))
                .build();
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    static CitizenFacts woman(AccountStatus status, boolean optOut, Map<Pathway, Consent> consent, List<Act> acts,
                              List<Condition> conditions) {
        return CitizenFacts.builder(WOMAN_OF_55, Sex.F).accountStatus(status).preventionOptOut(optOut)
                .insurerDataConsent(consent).conditions(conditions).acts(acts).build();
    }

    static Decision evaluate(CitizenFacts citizen) {
        return rules.evaluate(new Snapshot("c1", ON, citizen), LocalDate.of(1999, 1, 1));
    }

    static List<String> keys(Decision d) {
        return d.recommendations().stream().map(Recommendation::key).toList();
    }

    static Act mammography(LocalDate date, Source source) {
        return new Act(ActKind.MAMMOGRAPHY, date, null, null, source, false);
    }

    @Test
    void recommendsWhenNoGuardApplies() {
        Decision d = evaluate(woman(AccountStatus.ACTIVATED, false, null, null, null));
        assertThat(d.suppressed()).isNull();
        assertThat(d.on()).isEqualTo(ON);
        assertThat(d.ruleSet()).isEqualTo("test@1");
        assertThat(d.recommendations()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("TEST_MAMMO");
            assertThat(r.campaign()).isEqualTo("test-mammo");
            assertThat(r.rule()).isEqualTo("MammoDue");
            assertThat(r.dueFrom()).isEqualTo(ON);
            assertThat(r.reasons()).containsExactly("Vous avez 50 ans ou plus.", "Aucune mammographie depuis 2 ans.");
            assertThat(r.dataUsed()).containsExactly(DataCategory.IDENTITY, DataCategory.MEDICAL_PROFILE,
                    DataCategory.REIMBURSEMENT_HISTORY);
        });
    }

    @Test
    void openButNotActivatedSpaceIsEvaluated() {
        assertThat(keys(evaluate(woman(AccountStatus.OPEN, false, null, null, null)))).containsExactly("TEST_MAMMO");
    }

    @ParameterizedTest
    @EnumSource(value = AccountStatus.class, names = {"OPPOSED", "CLOSED", "DECEASED"})
    void opposedClosedOrDeceasedSpaceGetsNothing(AccountStatus status) {
        Decision d = evaluate(woman(status, false, null, null, null));
        assertThat(d.recommendations()).isEmpty();
        assertThat(d.suppressed()).isEqualTo(Suppression.valueOf(status.name()));
    }

    @Test
    void optedOutCitizenGetsNoPersonalisedRecommendation() {
        Decision d = evaluate(woman(AccountStatus.ACTIVATED, true, null, null,
                List.of(new Condition("E11.9", LocalDate.of(2020, 1, 1)))));
        assertThat(d.suppressed()).isEqualTo(Suppression.OPT_OUT);
        assertThat(d.recommendations()).isEmpty();
    }

    @Test
    void closureWinsOverOptOut() {
        assertThat(evaluate(woman(AccountStatus.DECEASED, true, null, null, null)).suppressed())
                .isEqualTo(Suppression.DECEASED);
    }

    @Test
    void spaceDataIsUsedWithoutConsent() {
        var recent = List.of(mammography(LocalDate.of(2025, 1, 1), Source.REIMBURSEMENT_HISTORY));
        assertThat(keys(evaluate(woman(AccountStatus.ACTIVATED, false, null, recent, null)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Consent.class, names = {"REFUSED", "NOT_ASKED"})
    void insurerDataIsInvisibleWithoutThePathwayConsent(Consent consent) {
        var recent = List.of(mammography(LocalDate.of(2025, 1, 1), Source.INSURER));
        Decision d = evaluate(woman(AccountStatus.ACTIVATED, false, Map.of(Pathway.SCREENING, consent), recent, null));
        assertThat(keys(d)).containsExactly("TEST_MAMMO");
        assertThat(d.recommendations().get(0).dataUsed()).doesNotContain(DataCategory.INSURER_DATA);
    }

    @Test
    void consentForAnotherPathwayDoesNotOpenInsurerData() {
        var recent = List.of(mammography(LocalDate.of(2025, 1, 1), Source.INSURER));
        Map<Pathway, Consent> consent = Map.of(Pathway.CHRONIC_CONDITIONS, Consent.GRANTED, Pathway.PREGNANCY, Consent.GRANTED);
        assertThat(keys(evaluate(woman(AccountStatus.ACTIVATED, false, consent, recent, null)))).containsExactly("TEST_MAMMO");
    }

    @Test
    void insurerDataIsUsedWithThePathwayConsent() {
        var recent = List.of(mammography(LocalDate.of(2025, 1, 1), Source.INSURER));
        assertThat(keys(evaluate(woman(AccountStatus.ACTIVATED, false, Map.of(Pathway.SCREENING, Consent.GRANTED),
                recent, null)))).isEmpty();
    }

    @Test
    void insurerDataReportedInDataUsedWhenItReachedTheRule() {
        var old = List.of(mammography(LocalDate.of(2020, 1, 1), Source.INSURER));
        Decision d = evaluate(woman(AccountStatus.ACTIVATED, false, Map.of(Pathway.SCREENING, Consent.GRANTED), old, null));
        assertThat(d.recommendations()).singleElement()
                .satisfies(r -> assertThat(r.dataUsed()).contains(DataCategory.INSURER_DATA));
    }

    @Test
    void insurerDataNeedsTheCampaignToDeclareIt() {
        // test-minor declares MEDICAL_PROFILE but not INSURER_DATA: consent alone does not open insurer facts to it
        CitizenFacts adult = CitizenFacts.builder(WOMAN_OF_55, Sex.F)
                .insurerDataConsent(Map.of(Pathway.CHRONIC_CONDITIONS, Consent.GRANTED))
                .conditions(List.of(new Condition("E11", LocalDate.of(2020, 1, 1), Source.INSURER, false, null))).build();
        assertThat(keys(evaluate(adult))).doesNotContain("TEST_MINOR");
    }

    @Test
    void minorsHiddenFactsAreIgnored() {
        LocalDate born = ON.minusYears(18).plusDays(1); // 18 tomorrow
        CitizenFacts minor = CitizenFacts.builder(born, Sex.M)
                .conditions(List.of(new Condition("E10", LocalDate.of(2020, 1, 1), Source.SELF, true, null))).build();
        assertThat(keys(rules.evaluate(new Snapshot("m", ON, minor), ON))).isEmpty();
    }

    @Test
    void hiddenFlagNoLongerMattersOnceAdult() {
        LocalDate born = ON.minusYears(18); // 18 today
        CitizenFacts adult = CitizenFacts.builder(born, Sex.M)
                .conditions(List.of(new Condition("E10", LocalDate.of(2020, 1, 1), Source.SELF, true, null))).build();
        assertThat(keys(rules.evaluate(new Snapshot("m", ON, adult), ON))).containsExactly("TEST_MINOR");
    }

    @Test
    void minorsVisibleFactsAreUsed() {
        CitizenFacts minor = CitizenFacts.builder(LocalDate.of(2015, 1, 1), Sex.F)
                .conditions(List.of(new Condition("E10.1", LocalDate.of(2020, 1, 1)))).build();
        assertThat(keys(rules.evaluate(new Snapshot("m", ON, minor), ON))).containsExactly("TEST_MINOR");
    }

    @Test
    void factsDatedAfterTheReferenceDateDoNotExistYet() {
        var acts = List.of(mammography(ON.plusDays(1), Source.REIMBURSEMENT_HISTORY));
        assertThat(keys(evaluate(woman(AccountStatus.ACTIVATED, false, null, acts, null)))).containsExactly("TEST_MAMMO");
        var conditions = List.of(new Condition("C50.9", ON.plusDays(1)));
        assertThat(keys(evaluate(woman(AccountStatus.ACTIVATED, false, null, null, conditions)))).containsExactly("TEST_MAMMO");
    }

    @Test
    void codesAreResolvedThroughTheTerminologyWithOrWithoutDot() {
        var byCode = List.of(new Act(null, LocalDate.of(2025, 1, 1), "QEQK004", CodeSystem.CCAM, null, false));
        assertThat(keys(evaluate(woman(AccountStatus.ACTIVATED, false, null, byCode, null)))).isEmpty();
        for (String code : List.of("C50.9", "C509", "c50")) {
            var history = List.of(new Condition(code, LocalDate.of(2010, 1, 1)));
            assertThat(keys(evaluate(woman(AccountStatus.ACTIVATED, false, null, null, history)))).as(code)
                    .doesNotContain("TEST_MAMMO");
        }
    }

    @Test
    void unknownCodesMatchNoRule() {
        var unknown = List.of(new Act(null, LocalDate.of(2025, 1, 1), "ZZZZ999", CodeSystem.CCAM, null, false));
        assertThat(keys(evaluate(woman(AccountStatus.ACTIVATED, false, null, unknown,
                List.of(new Condition("X99.9", LocalDate.of(2010, 1, 1))))))).containsExactly("TEST_MAMMO");
    }

    @Test
    void usesTheDefaultDateOnlyWhenTheSnapshotHasNone() {
        CitizenFacts c = woman(AccountStatus.ACTIVATED, false, null, null, null);
        assertThat(rules.evaluate(new Snapshot(null, null, c), ON).on()).isEqualTo(ON);
        assertThat(rules.evaluate(new Snapshot(null, ON.minusDays(3), c), ON).on()).isEqualTo(ON.minusDays(3));
    }

    @Test
    void rejectsABirthDateAfterTheDefaultDate() {
        CitizenFacts unborn = CitizenFacts.of(ON.plusDays(1), Sex.F);
        assertThatThrownBy(() -> rules.evaluate(new Snapshot(null, null, unborn), ON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("citizen.birthDate: is after the reference date");
    }
}
