package org.vigie.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.CampaignCriteria;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;

/** The catalogue a citizen reads is generated from the shipped rule set and campaign files, as in force on the day asked. */
class CriteriaCatalogueTest {

    static final LocalDate WINTER = LocalDate.of(2026, 12, 7);

    static RuleSet rules;
    static String markdown;

    @BeforeAll
    static void render() {
        rules = RuleSetManifest.loadDefault();
        markdown = catalogue(WINTER);
    }

    static String catalogue(LocalDate on) {
        return CriteriaCatalogue.markdown(rules.id(), on, rules.criteria(on), Locale.FRENCH);
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void listsEveryCampaignWithWhoIsConcerned() {
        assertThat(markdown).startsWith("# Les critères de la prévention personnalisée");
        assertThat(markdown).contains("Version des règles : `" + rules.id() + "`. Règles en vigueur le 07/12/2026.");
        for (CampaignCriteria c : rules.criteria(WINTER)) {
            assertThat(markdown).contains("## " + c.title() + " (" + c.key() + ")");
            assertThat(markdown).contains(c.whoIsConcerned().strip());
        }
    }

    @Test
    void listsWhatEveryRuleChecksAndTheDataItReads() {
        for (CampaignCriteria c : rules.criteria(WINTER)) {
            for (CampaignCriteria.Check check : c.checks()) {
                assertThat(markdown).contains("- " + check.description());
            }
        }
        assertThat(markdown).contains("Données lues : votre date de naissance et votre sexe, votre profil médical");
    }

    @Test
    void showsNoExpiredRuleAndNoRuleNotYetInForce() {
        // the pneumococcal text of 26/04/2024 expired on 28/04/2025, when the current one came into force
        String before = catalogue(LocalDate.of(2025, 4, 27));
        String after = catalogue(LocalDate.of(2025, 4, 28));
        String old = "(en vigueur jusqu'au 27/04/2025)";
        assertThat(before).contains(old).doesNotContain("(en vigueur depuis le 28/04/2025)");
        assertThat(after).doesNotContain(old).contains("(en vigueur depuis le 28/04/2025)");
        assertThat(markdown).doesNotContain(old).doesNotContain("jusqu'au 18/12/2025");
    }

    @Test
    void givesTheSeasonInForceOnTheDayAsked() {
        assertThat(section(markdown, "VACC_FLU")).contains(
                "**Saison :** campagne 2026-2027 en cours, du 15/10/2026 au 31/01/2027 (dates habituelles).");
        assertThat(section(markdown, "VACC_COVID")).contains(
                "**Saison :** campagne automne 2026-2027 en cours, du 15/10/2026 au 31/01/2027 (dates habituelles).");
        assertThat(section(catalogue(LocalDate.of(2026, 2, 10)), "VACC_FLU")).contains(
                "campagne 2025-2026 en cours, du 14/10/2025 au 28/02/2026 (dates annoncées le 27/01/2026).");
        assertThat(section(catalogue(LocalDate.of(2026, 1, 10)), "VACC_FLU")).as("before the extension was announced")
                .contains("campagne 2025-2026 en cours, du 14/10/2025 au 31/01/2026 (dates annoncées le 14/10/2025).");
        assertThat(section(markdown, "SCREEN_BREAST")).doesNotContain("Saison");
    }

    @Test
    void tellsTheCommitteeWhenNoSeasonIsOpenInTheNextSixtyDays() {
        String spring = catalogue(LocalDate.of(2026, 3, 16));
        assertThat(section(spring, "VACC_FLU")).contains("**Saison :** aucune campagne n'a lieu d'ici au 15/05/2026 : personne ne "
                + "reçoit cette recommandation d'ici là. La prochaine, 2026-2027, est prévue du 15/10/2026 au 31/01/2027 (dates habituelles).");
        assertThat(section(spring, "VACC_COVID")).as("spring opens within 60 days")
                .contains("**Saison :** pas de campagne en cours ; la prochaine, printemps 2026, aura lieu du 14/04/2026 au 14/06/2026 (dates habituelles).");
    }

    @Test
    void saysInsurerDataNeedsTheHoldersAgreement() {
        assertThat(markdown).contains("ne sont utilisées que si vous avez donné votre accord pour le parcours « dépistage ».");
    }

    @Test
    void namesNoCodeAndNoRuleName() {
        for (CampaignCriteria c : rules.criteria(WINTER)) {
            for (CampaignCriteria.Check check : c.checks()) {
                assertThat(markdown).doesNotContain(check.rule());
            }
        }
        assertThat(markdown).doesNotContain("REIMBURSEMENT_HISTORY").doesNotContain("MEDICAL_PROFILE").doesNotContain("AUTUMN");
    }

    /** One campaign's section of the catalogue. */
    private static String section(String catalogue, String key) {
        int start = catalogue.indexOf("(" + key + ")\n");
        assertThat(start).as(key).isPositive();
        int end = catalogue.indexOf("\n## ", start);
        return catalogue.substring(start, end < 0 ? catalogue.length() : end);
    }
}
