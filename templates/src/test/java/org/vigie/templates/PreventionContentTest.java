package org.vigie.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.ProfileSection;
import org.vigie.engine.campaign.Surface;
import org.vigie.engine.evaluation.CampaignCriteria;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.templates.PreventionContent.Subject;
import org.vigie.templates.PreventionContent.Text;

/**
 * Every declared surface of every shipped campaign renders completely, says it comes from
 * personalised prevention (P5), shows the citizen's reasons and the campaign's criteria, and says
 * how to object (P2).
 */
class PreventionContentTest {

    private static final String LINK = "/api/v1/spaces/0b6f2c1e-0000-4000-8000-000000000001/recommendations";
    private static final String PROVENANCE = "Ce message vous est proposé par la prévention personnalisée de Mon espace santé.";

    static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSetManifest.loadDefault();
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    /** The reasons a citizen could read: what the campaign's rules check, in the committee's own words. */
    private static List<String> reasonsOf(Campaign campaign) {
        return rules.criteria(LocalDate.of(2026, 3, 1)).stream().filter(c -> c.key().equals(campaign.key())).findFirst().orElseThrow()
                .checks().stream().map(CampaignCriteria.Check::description).limit(2).toList();
    }

    @Test
    void everyDeclaredSurfaceOfEveryCampaignRendersWithProvenanceReasonsAndCriteria() {
        int rendered = 0;
        for (Campaign campaign : rules.campaigns()) {
            List<String> reasons = reasonsOf(campaign);
            assertThat(reasons).as(campaign.id()).isNotEmpty();
            Subject subject = new Subject(campaign, reasons, LocalDate.of(2026, 3, 1), LocalDate.of(2041, 1, 9), LocalDate.of(2026, 2, 1),
                    LINK);
            for (Surface surface : campaign.surfaces()) {
                Text text = PreventionContent.render(surface, subject, Locale.FRENCH);
                String where = campaign.id() + " on " + surface;
                assertThat(text.title()).as(where).isNotBlank();
                assertThat(text.summary()).as(where).isNotBlank();
                assertThat(text.body()).as(where)
                        .contains(PROVENANCE)
                        .contains("Vous pouvez vous opposer à tout moment à la prévention personnalisée")
                        .contains("il ne décide de rien")
                        .contains(campaign.description().strip())
                        .contains("À faire à partir du 1er mars 2026.")
                        .contains("Toutes vos recommandations, et pourquoi vous les recevez : " + LINK);
                reasons.forEach(reason -> assertThat(text.body()).as(where).contains("- " + reason));
                for (String part : List.of(text.title(), text.summary(), text.body())) {
                    assertUnrendered(part, where);
                }
                rendered++;
            }
        }
        // 9 vaccination campaigns on 4 surfaces, 8 others on 3
        assertThat(rendered).isEqualTo(9 * 4 + 8 * 3);
    }

    @Test
    void eachSurfaceHasItsOwnWording() {
        Campaign zoster = campaign("vacc-zoster");
        Subject subject = new Subject(zoster, List.of("Vous avez 65 ans ou plus."), LocalDate.of(2026, 3, 16), null,
                LocalDate.of(2026, 3, 15), LINK);

        Text card = PreventionContent.render(Surface.FEED, subject, Locale.FRENCH);
        assertThat(card.title()).isEqualTo(zoster.title());
        assertThat(card.summary()).isEqualTo("Recommandé pour vous par la prévention personnalisée. À faire à partir du 16 mars 2026.");

        Text entry = PreventionContent.render(Surface.AGENDA, subject, Locale.FRENCH);
        assertThat(entry.title()).isEqualTo("À prévoir : " + zoster.title());
        assertThat(entry.summary()).isEqualTo("À faire à partir du 16 mars 2026.");

        Text alert = PreventionContent.render(Surface.PROFILE_ALERT, subject, Locale.FRENCH);
        assertThat(alert.title()).isEqualTo("Vaccinations : un élément est à consulter");
        assertThat(alert.summary()).isEqualTo("Une action de prévention vous est recommandée. À faire à partir du 16 mars 2026.");
        assertThat(alert.body()).contains("Pour la réaliser, prenez rendez-vous avec un médecin, un pharmacien, une sage-femme ou un infirmier.");
        assertThat(alert.body()).contains("rubrique « Vaccinations » de votre profil médical : " + zoster.title() + ".");

        Text message = PreventionContent.render(Surface.SECURE_MESSAGE, subject, Locale.FRENCH);
        assertThat(message.title()).isEqualTo("Prévention personnalisée : " + zoster.title());
        assertThat(message.body()).startsWith("Bonjour,").endsWith("vous ne pouvez pas y répondre.");
        assertThat(PreventionContent.sender(Locale.FRENCH)).isEqualTo("Mon espace santé — Prévention personnalisée");
    }

    @Test
    void aSurfaceTheCampaignDoesNotDeclareIsRefused() {
        Campaign breast = campaign("screen-breast");
        Subject subject = new Subject(breast, List.of("Vous avez entre 50 et 74 ans."), LocalDate.of(2026, 3, 16), null,
                LocalDate.of(2026, 3, 16), LINK);
        assertThatThrownBy(() -> PreventionContent.render(Surface.PROFILE_ALERT, subject, Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("screen-breast does not display on PROFILE_ALERT");
    }

    @Test
    void datesAreWrittenTheFrenchWay() {
        assertThat(PreventionContent.date(LocalDate.of(2026, 3, 16), Locale.FRENCH)).isEqualTo("16 mars 2026");
        assertThat(PreventionContent.date(LocalDate.of(2026, 3, 1), Locale.FRENCH)).isEqualTo("1er mars 2026");
        assertThat(PreventionContent.date(LocalDate.of(2026, 8, 1), Locale.FRENCH)).isEqualTo("1er août 2026");
    }

    @Test
    void aPeriodReadsAsADateUntilItStartsThenAsNow() {
        LocalDate from = LocalDate.of(2026, 12, 24);
        LocalDate until = LocalDate.of(2027, 2, 28);
        assertThat(PreventionContent.period(from, null, from.minusDays(1), Locale.FRENCH)).isEqualTo("À faire à partir du 24 décembre 2026.");
        assertThat(PreventionContent.period(from, until, from.minusDays(1), Locale.FRENCH))
                .isEqualTo("À faire à partir du 24 décembre 2026, au plus tard le 28 février 2027.");
        assertThat(PreventionContent.period(from, null, from, Locale.FRENCH)).isEqualTo("À faire dès maintenant.");
        assertThat(PreventionContent.period(from, until, from.plusDays(10), Locale.FRENCH))
                .isEqualTo("À faire dès maintenant, au plus tard le 28 février 2027.");
    }

    /** The end of an age band decades away is no deadline: « recommandé jusqu'au 11 mai 2049 » read as one. */
    @Test
    void aDueByDateMoreThanAYearAwayIsNotShown() {
        LocalDate today = LocalDate.of(2026, 3, 16);
        assertThat(PreventionContent.period(LocalDate.of(2024, 5, 12), LocalDate.of(2049, 5, 11), today, Locale.FRENCH))
                .isEqualTo("À faire dès maintenant.");
        assertThat(PreventionContent.period(today.plusDays(3), LocalDate.of(2049, 5, 11), today, Locale.FRENCH))
                .isEqualTo("À faire à partir du 19 mars 2026.");
        assertThat(PreventionContent.period(today, today.plusYears(1), today, Locale.FRENCH))
                .isEqualTo("À faire dès maintenant, au plus tard le 16 mars 2027.");
        assertThat(PreventionContent.period(today, today.plusYears(1).plusDays(1), today, Locale.FRENCH)).isEqualTo("À faire dès maintenant.");
    }

    @Test
    void aBookedRecommendationReadsAsPlannedAndADoneOneNoLongerAsToDo() {
        Campaign dental = campaign("dental-checkup");
        LocalDate today = LocalDate.of(2026, 3, 16);
        Subject planned = new Subject(dental, List.of("Vous avez 11 ans."), today.minusDays(20), today.plusDays(200), today.plusDays(7),
                PreventionContent.Stage.DUE, today, LINK, Reader.HOLDER);
        Text entry = PreventionContent.render(Surface.AGENDA, planned, Locale.FRENCH);
        assertThat(entry.summary()).isEqualTo("Rendez-vous prévu le 23 mars 2026.");
        assertThat(entry.body()).contains("Un rendez-vous pour cette action de prévention est inscrit à votre agenda.")
                .contains("Aucun rappel n'est envoyé avant ce rendez-vous.").doesNotContain("prenez rendez-vous");

        Subject done = new Subject(dental, List.of("Vous avez 11 ans."), today.minusDays(20), today.plusDays(200), null,
                PreventionContent.Stage.COMPLETED, today, LINK, Reader.HOLDER);
        Text message = PreventionContent.render(Surface.SECURE_MESSAGE, done, Locale.FRENCH);
        assertThat(message.summary()).isEqualTo("Un message de prévention vous est proposé. "
                + "C'est fait : cette action de prévention est enregistrée comme réalisée.");
        assertThat(message.body()).contains("vous avait proposé une action de prévention").doesNotContainIgnoringCase("à faire");
    }

    @Test
    void theDentalExamSendsTheCitizenToADentist() {
        Subject subject = new Subject(campaign("dental-checkup"), List.of("Vous avez 11 ans."), LocalDate.of(2026, 3, 16), null,
                LocalDate.of(2026, 3, 16), LINK);
        assertThat(PreventionContent.render(Surface.FEED, subject, Locale.FRENCH).body())
                .contains("Pour la réaliser, prenez rendez-vous avec un dentiste.");
    }

    @Test
    void aParentReadsTheSurfaceAboutTheirChild() {
        Subject subject = new Subject(campaign("dental-checkup"), List.of("Vous avez 11 ans et aucun examen de prévention dentaire "
                + "n'est enregistré depuis votre anniversaire du 16/03/2026."), LocalDate.of(2026, 3, 16), null, null,
                PreventionContent.Stage.DUE, LocalDate.of(2026, 3, 16), LINK, Reader.LEGAL_REPRESENTATIVE);
        Text card = PreventionContent.render(Surface.FEED, subject, Locale.FRENCH);
        assertThat(card.summary()).startsWith("Recommandé pour votre enfant par la prévention personnalisée.");
        assertThat(card.body()).contains("Cette action de prévention est recommandée pour votre enfant.")
                .contains("Pour la réaliser, prenez rendez-vous pour votre enfant avec un dentiste.")
                .contains("- Votre enfant a 11 ans et aucun examen de prévention dentaire n'est enregistré depuis son anniversaire du 16/03/2026.")
                .doesNotContain("Vous avez");
    }

    @Test
    void provenanceAndEverySectionHaveTheirWording() {
        assertThat(PreventionContent.provenance(Locale.FRENCH).text()).isEqualTo(PROVENANCE);
        assertThat(PreventionContent.provenance(Locale.FRENCH).objection()).contains("paramètres de prévention");
        for (ProfileSection section : ProfileSection.values()) {
            assertThat(PreventionContent.section(section, Locale.FRENCH)).isNotBlank().doesNotContain("_");
        }
        assertThat(PreventionContent.displayOnly(Locale.FRENCH)).contains("vous ne pouvez pas y répondre");
    }

    private static Campaign campaign(String id) {
        return rules.campaigns().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertUnrendered(String text, String where) {
        assertThat(text).as(where + ": «" + text + "»")
                .doesNotContain("${").doesNotContain("<#").doesNotContain("<@").doesNotContain("{0}").doesNotContain("{1}")
                .doesNotContain("null").doesNotContain("''").doesNotContain("\n\n\n")
                .doesNotContainPattern("\\b(FEED|AGENDA|PROFILE_ALERT|SECURE_MESSAGE|VACCINATIONS)\\b");
    }
}
