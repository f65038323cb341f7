package org.vigie.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;

/** A rule applies only while its text is in force on the reference date; both versions stay testable. */
class EffectiveDatingTest {

    static final LocalDate SWITCH = LocalDate.of(2025, 12, 19);
    static RuleSet rules;

    @BeforeAll
    static void build() {
        rules = TestRuleBase.build(RuleSetBuilderTest.declaring("test-measures", DataCategory.IDENTITY), "test-dated");
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    static List<String> firing(int age, LocalDate on) {
        var citizen = CitizenFacts.of(on.minusYears(age).minusDays(10), Sex.M);
        return rules.evaluate(new Snapshot(null, on, citizen), on).recommendations().stream()
                .map(Recommendation::rule).toList();
    }

    @Test
    void theOldTextAppliesUntilTheDayBeforeTheSwitch() {
        assertThat(firing(18, SWITCH.minusDays(1))).containsExactly("CatchUpTo19");
        assertThat(firing(22, SWITCH.minusDays(1))).isEmpty();
    }

    @Test
    void theNewTextAppliesFromTheSwitch() {
        assertThat(firing(18, SWITCH)).containsExactly("CatchUpTo26");
        assertThat(firing(22, SWITCH)).containsExactly("CatchUpTo26");
        assertThat(firing(27, SWITCH)).isEmpty();
    }

    @Test
    void criteriaListTheRulesInForceOnTheDayAskedWithTheirDescriptionAndDates() {
        assertThat(rules.criteria(SWITCH.minusDays(1))).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("TEST_MEASURES");
            assertThat(c.whoIsConcerned()).startsWith("Sert à prouver");
            assertThat(c.dataCategories()).containsExactly(DataCategory.IDENTITY);
            assertThat(c.season()).as("not seasonal").isNull();
            assertThat(c.checks()).extracting(CampaignCriteria.Check::rule).containsExactly("CatchUpTo19");
            assertThat(c.checks().get(0).description()).isEqualTo("Jusqu'au 18 décembre 2025, rattrapage jusqu'à 19 ans révolus.");
            assertThat(c.checks().get(0).expires()).isEqualTo(SWITCH);
            assertThat(c.checks().get(0).effective()).isNull();
        });
        assertThat(rules.criteria(SWITCH)).singleElement().satisfies(c -> {
            assertThat(c.checks()).as("the expired text is gone").extracting(CampaignCriteria.Check::rule).containsExactly("CatchUpTo26");
            assertThat(c.checks().get(0).effective()).isEqualTo(SWITCH);
            assertThat(c.checks().get(0).dataUsed()).containsExactly(DataCategory.IDENTITY);
        });
    }

    @Test
    void everyRuleNeedsADescriptionAndValidDates() {
        assertThatThrownBy(() -> TestRuleBase.build(RuleSetBuilderTest.declaring("test-measures", DataCategory.IDENTITY),
                "test-undescribed"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("rule 'Silent' of campaign 'test-measures' needs @description")
                .hasMessageContaining("@effective(\"2025-13-01\") is not a date");
    }
}
