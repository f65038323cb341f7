package org.vigie.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.CampaignCriteria;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;

/** The catalogue a citizen reads is generated from the shipped rule set and campaign files. */
class CriteriaCatalogueTest {

    static RuleSet rules;
    static String markdown;

    @BeforeAll
    static void render() {
        rules = RuleSetManifest.loadDefault();
        markdown = CriteriaCatalogue.markdown(rules.id(), rules.criteria(), Locale.FRENCH);
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void listsEveryCampaignWithWhoIsConcerned() {
        assertThat(markdown).startsWith("# Les critères de la prévention personnalisée");
        assertThat(markdown).contains("Version des règles : `" + rules.id() + "`");
        for (CampaignCriteria c : rules.criteria()) {
            assertThat(markdown).contains("## " + c.title() + " (" + c.key() + ")");
            assertThat(markdown).contains(c.whoIsConcerned().strip());
        }
    }

    @Test
    void listsWhatEveryRuleChecksAndTheDataItReads() {
        for (CampaignCriteria c : rules.criteria()) {
            for (CampaignCriteria.Check check : c.checks()) {
                assertThat(markdown).contains("- " + check.description());
            }
        }
        assertThat(markdown).contains("Données lues : votre date de naissance et votre sexe, votre profil médical");
    }

    @Test
    void saysInsurerDataNeedsTheHoldersAgreement() {
        assertThat(markdown).contains("ne sont utilisées que si vous avez donné votre accord pour le parcours « dépistage ».");
    }

    @Test
    void namesNoCodeAndNoRuleName() {
        for (CampaignCriteria c : rules.criteria()) {
            for (CampaignCriteria.Check check : c.checks()) {
                assertThat(markdown).doesNotContain(check.rule());
            }
        }
        assertThat(markdown).doesNotContain("REIMBURSEMENT_HISTORY").doesNotContain("MEDICAL_PROFILE");
    }
}
