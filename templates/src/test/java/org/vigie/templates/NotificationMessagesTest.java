package org.vigie.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.evaluation.CampaignCriteria;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.templates.NotificationMessages.Mail;
import org.vigie.templates.NotificationMessages.Notice;
import org.vigie.templates.NotificationMessages.ShortMessage;

/**
 * Principle P7: notifications carry no health data and no campaign topic. Every notice is rendered
 * (e-mail text and HTML, push, notification centre) for every campaign of the shipped rule base,
 * and no word of the campaign catalogue or of the criteria catalogue's wording, nor any health word,
 * may appear in an e-mail or a push. The notification centre is read inside the space, once logged
 * in: it may say "personalised prevention" (P5), but names no campaign either.
 */
class NotificationMessagesTest {

    /** The product's name: "santé" is a health word everywhere else. */
    private static final String PRODUCT = "mon espace sante";
    private static final String LINK = "https://monespacesante.example/notifications";

    /** Health words, whatever the campaigns say today (accents and case ignored; a word or a word's start). */
    private static final List<String> HEALTH_WORDS = List.of(
            "sante", "prevention", "depistage", "cancer", "tumeur", "vaccin", "rappel", "mammograph", "sein", "uterus",
            "colorectal", "colon", "frottis", "papillomavirus", "hpv", "grippe", "covid", "zona", "pneumocoque", "coqueluche",
            "rougeole", "oreillons", "rubeole", "diphterie", "tetanos", "polio", "bronchiolite", "vrs", "dentaire", "dentiste",
            "dents", "examen", "bilan", "grossesse", "enceinte", "maladie", "patholog", "diabete", "hypertension", "tension",
            "poids", "imc", "obesite", "tabac", "alcool", "medecin", "medica", "medical", "traitement", "ordonnance", "resultat",
            "analyse", "hopital", "hospitalis", "urgence", "allergie", "handicap", "soin", "dmp", "dossier", "professionnel",
            "vaccination", "symptome", "diagnostic", "test", "chronique", "risque");

    /**
     * Words the catalogues share with any French sentence: not a topic. Every entry here is a
     * decision; a new campaign that makes one of the notices' own words a topic fails the test.
     * "agenda": the space's agenda, which the agenda's own reminders name; campaigns say an exam
     * booked in it reads as planned.
     */
    private static final Set<String> GENERIC = Set.of(
            "agenda", "avez", "dans", "jour", "nouveau", "nouvelle", "plus", "pour", "pouvez", "profil", "recu", "votre", "vous");

    static RuleSet rules;
    static Set<String> forbidden;

    @BeforeAll
    static void catalogue() {
        rules = RuleSetManifest.loadDefault();
        forbidden = new TreeSet<>();
        for (Campaign c : rules.campaigns()) {
            forbidden.addAll(words(c.id() + " " + c.key() + " " + c.title() + " " + c.description()));
        }
        // rules in force then and now: the pneumococcal text of 2024 and the HPV catch-up to 19 have expired since
        for (CampaignCriteria c : java.util.stream.Stream.of(java.time.LocalDate.of(2024, 5, 1), java.time.LocalDate.of(2026, 3, 16))
                .flatMap(on -> rules.criteria(on).stream()).toList()) {
            forbidden.addAll(words(c.title() + " " + c.whoIsConcerned()));
            c.checks().forEach(check -> forbidden.addAll(words(check.description() + " " + check.rule())));
        }
        forbidden.removeAll(GENERIC);
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void theForbiddenListKnowsEveryCampaign() {
        assertThat(forbidden).contains("depistage", "sein", "colorectal", "zona", "grippe", "dentiste", "bilan");
        assertThat(rules.campaigns()).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void eMailsAndPushesOfEveryNoticeForEveryCampaignNameNoTopicAndNoHealthWord() {
        for (Campaign campaign : rules.campaigns()) {
            // the model a notice is rendered with holds no campaign: the same words for every campaign
            for (Notice notice : Notice.values()) {
                Mail mail = NotificationMessages.mail(notice, LINK, Locale.FRENCH);
                ShortMessage push = NotificationMessages.push(notice, Locale.FRENCH);
                String where = notice + " for " + campaign.key();
                assertClean(mail.subject(), where + ", subject");
                assertClean(mail.text(), where + ", text");
                assertClean(stripTags(mail.html()), where + ", HTML");
                assertClean(push.title() + " " + push.text(), where + ", push");
            }
        }
    }

    @Test
    void theNotificationCentreNamesNoCampaignButSaysPersonalisedPrevention() {
        for (Notice notice : Notice.values()) {
            ShortMessage entry = NotificationMessages.centre(notice, Locale.FRENCH);
            Set<String> topics = new TreeSet<>(words(entry.title() + " " + entry.text()));
            topics.retainAll(forbidden);
            // what P5 asks the centre to say: it comes from personalised prevention, and why
            topics.removeAll(Set.of("prevention", "recommandation", "donnees", "partir", "propose", "decide", "rien", "savoir", "tout"));
            assertThat(topics).as(notice + " in the centre").isEmpty();
        }
        assertThat(NotificationMessages.centre(Notice.NEW_IN_SPACE, Locale.FRENCH).text())
                .contains("prévention personnalisée").contains("pourquoi vous le recevez")
                // the centre of a minor's space is read by the legal representatives too: it speaks to whoever reads it
                .doesNotContain("votre profil").doesNotContain("vous est proposé");
    }

    @Test
    void eMailsCarryTheLinkAndBothBodies() {
        Mail mail = NotificationMessages.mail(Notice.NEW_IN_SPACE, LINK, Locale.FRENCH);
        assertThat(mail.subject()).isEqualTo("Du nouveau dans Mon espace santé");
        assertThat(mail.text()).startsWith("Bonjour,").contains(LINK).doesNotContain("<");
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("href=\"" + LINK + "\"")
                .contains("Merci de ne pas répondre à cet e-mail");
    }

    @Test
    void anEMailIsWrittenInTheLanguageAskedForAndSaysWhichOne() {
        Mail french = NotificationMessages.mail(Notice.NEW_IN_SPACE, LINK, Locale.FRENCH);
        assertThat(french.html()).contains("<html lang=\"fr\">");
        Mail english = NotificationMessages.mail(Notice.NEW_IN_SPACE, LINK, Locale.ENGLISH);
        assertThat(english.subject()).isEqualTo("Something new in Mon espace santé");
        assertThat(english.text()).startsWith("Hello,").contains(LINK);
        assertThat(english.html()).contains("<html lang=\"en\">").contains("Please do not reply to this e-mail");
        assertThat(NotificationMessages.push(Notice.NEW_IN_SPACE, Locale.ENGLISH).text()).isEqualTo("You have received a new message.");
    }

    @Test
    void theHtmlIsEscaped() {
        Mail mail = NotificationMessages.mail(Notice.MANDATORY, "https://x.example/?a=1&b=<2>", Locale.FRENCH);
        assertThat(mail.html()).contains("a=1&amp;b=&lt;2&gt;").doesNotContain("<2>");
    }

    private static void assertClean(String text, String where) {
        String normalised = normalise(text);
        assertThat(normalised).as(where).isNotBlank();
        String rest = normalised.replace(PRODUCT, " ");
        Set<String> words = new TreeSet<>(Arrays.asList(rest.split("[^a-z0-9]+")));
        Set<String> topics = new TreeSet<>(words);
        topics.retainAll(forbidden);
        assertThat(topics).as(where + ": campaign words in «" + text + "»").isEmpty();
        List<String> health = new ArrayList<>();
        for (String word : words) {
            for (String h : HEALTH_WORDS) {
                if (word.startsWith(h)) health.add(word);
            }
        }
        assertThat(health).as(where + ": health words in «" + text + "»").isEmpty();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : normalise(text).split("[^a-z0-9]+")) {
            if (w.length() >= 4 && !w.chars().allMatch(Character::isDigit)) words.add(w);
        }
        return words;
    }

    private static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("e-mail", "email");
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?s)<head>.*</head>", " ").replaceAll("<[^>]+>", " ").replace("&amp;", "&")
                .replace("&#39;", "'");
    }
}
