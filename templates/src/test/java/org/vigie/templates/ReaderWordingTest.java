package org.vigie.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.Surface;
import org.vigie.engine.evaluation.CampaignCriteria;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.engine.json.StrictJson;
import org.vigie.templates.PreventionContent.Stage;
import org.vigie.templates.PreventionContent.Subject;
import org.vigie.templates.PreventionContent.Text;
import tools.jackson.databind.JsonNode;

/**
 * Every reason the shipped rules give (those of every case of every scenario file of the rule base)
 * and every surface of every shipped campaign, rendered for the holder and for each kind of
 * representative, due, planned, done and over: the texts address their reader, show no far
 * deadline, never say « à faire » once done, send the citizen to the right professional, and their
 * « ni … ni » agree.
 */
class ReaderWordingTest {

    private static final Locale FR = Locale.FRENCH;
    private static final String LINK = "/api/v1/spaces/0b6f2c1e-0000-4000-8000-000000000001/recommendations";
    /** The second person, once the person represented is named and the reader's own actions are left out. */
    private static final Pattern SECOND_PERSON = Pattern.compile("(?iu)(?<![\\p{L}-])(vous|votre|vos)(?![\\p{L}])");
    /** What a representative may be told in the second person: what they themselves see, do or may do. */
    private static final List<String> READERS_OWN = List.of("Pourquoi vous voyez ce message", "Vous pouvez vous opposer",
            "Quand vous aurez pris rendez-vous, vous pourrez", "vous ne pouvez pas y répondre", "« vous » y désigne",
            "la personne que vous représentez", "La personne que vous représentez",
            "votre enfant", "Votre enfant");
    private static final Pattern NI_NE_SONT = Pattern.compile("(?iu)\\bni\\b[^.;:]*\\bne sont\\b");
    private static final Pattern FRENCH_DATE = Pattern.compile("(\\d{1,2}|1er) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) (\\d{4})");

    private static RuleSet rules;
    /** One recommendation per distinct set of reasons, with the date it was made on. */
    private static final Map<List<String>, Made> made = new LinkedHashMap<>();

    record Made(Recommendation recommendation, LocalDate on) {
    }

    @BeforeAll
    static void evaluateEveryScenario() throws IOException, URISyntaxException {
        rules = RuleSetManifest.loadDefault();
        Path directory = Path.of(ReaderWordingTest.class.getClassLoader().getResource("scenarios").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode cases = StrictJson.YAML.readTree(Files.readString(file)).get("cases");
            for (JsonNode c : cases) {
                String snapshot = "{\"on\":\"" + c.get("on").asString() + "\",\"citizen\":" + StrictJson.JSON.writeValueAsString(c.get("citizen")) + "}";
                Decision decision = rules.evaluate(SnapshotJson.read(snapshot), null);
                decision.recommendations().forEach(r -> made.putIfAbsent(r.reasons(), new Made(r, decision.on())));
            }
        }
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    private static Campaign campaign(String id) {
        return rules.campaigns().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyShippedCampaignGivesReasonsToRender() {
        assertThat(made.values().stream().map(m -> m.recommendation().campaign()).distinct())
                .containsExactlyInAnyOrderElementsOf(rules.campaigns().stream().map(Campaign::id).toList());
        // about how many distinct reason sets the rule base's scenarios give
        assertThat(made).hasSizeGreaterThan(100);
    }

    @Test
    void aRepresentativeReadsEveryReasonAboutThePersonTheyRepresent() {
        for (Made m : made.values()) {
            List<String> holder = m.recommendation().reasons();
            for (Reader reader : List.of(Reader.LEGAL_REPRESENTATIVE, Reader.PROTECTED_ADULT_REPRESENTATIVE)) {
                List<String> read = Reasons.forReader(holder, reader, FR);
                assertThat(read).hasSameSizeAs(holder);
                for (int i = 0; i < read.size(); i++) {
                    assertAddressesTheRepresentative(read.get(i), "reason of " + m.recommendation().rule() + ": « " + holder.get(i) + " »");
                }
            }
            assertThat(Reasons.forReader(holder, Reader.HOLDER, FR)).isEqualTo(holder);
        }
    }

    @Test
    void aParentReadsTheirChildsAgeNotTheirOwn() {
        Made dental = made.values().stream().filter(m -> m.recommendation().rule().equals("DentalCheckupEveryYear")).findFirst().orElseThrow();
        String age = dental.recommendation().reasons().get(1);
        assertThat(age).startsWith("Vous avez ");
        assertThat(Reasons.forReader(List.of(age), Reader.LEGAL_REPRESENTATIVE, FR).get(0)).startsWith("Votre enfant a ").contains("son anniversaire");
        assertThat(Reasons.forReader(List.of(age), Reader.PROTECTED_ADULT_REPRESENTATIVE, FR).get(0))
                .startsWith("La personne que vous représentez a ");
    }

    @Test
    void everySurfaceOfEveryReasonAddressesItsReaderAtEveryStage() {
        int rendered = 0;
        for (Made m : made.values()) {
            Recommendation r = m.recommendation();
            Campaign campaign = campaign(r.campaign());
            LocalDate today = m.on();
            List<Subject> subjects = new ArrayList<>();
            for (Reader reader : Reader.values()) {
                subjects.add(new Subject(campaign, r.reasons(), r.dueFrom(), r.dueBy(), null, Stage.DUE, today, LINK, reader));
                subjects.add(new Subject(campaign, r.reasons(), r.dueFrom(), r.dueBy(), today.plusDays(9), Stage.DUE, today, LINK, reader));
                subjects.add(new Subject(campaign, r.reasons(), r.dueFrom(), r.dueBy(), null, Stage.COMPLETED, today, LINK, reader));
                subjects.add(new Subject(campaign, r.reasons(), r.dueFrom(), r.dueBy(), null, Stage.EXPIRED, today, LINK, reader));
            }
            for (Subject subject : subjects) {
                for (Surface surface : campaign.surfaces()) {
                    // only the inbox keeps a message once done or over
                    if (subject.stage() != Stage.DUE && surface != Surface.SECURE_MESSAGE) continue;
                    Text text = PreventionContent.render(surface, subject, FR);
                    check(text, subject, surface, campaign.description().strip());
                    rendered++;
                }
            }
        }
        assertThat(rendered).isGreaterThan(1000);
    }

    private static void check(Text text, Subject subject, Surface surface, String description) {
        String where = subject.campaign().id() + " on " + surface + ", " + subject.stage() + (subject.planned() ? " planned" : "")
                + ", read by " + subject.reader();
        String all = text.title() + "\n" + text.summary() + "\n" + text.body();
        assertThat(all).as(where).doesNotContain("${").doesNotContain("{0}").doesNotContain("{1}").doesNotContain("ersonne}");
        assertThat(text.body()).as(where).contains(description);
        // what the message itself says, before why it is shown (the reasons and the campaign's criteria)
        String message = text.title() + "\n" + text.summary() + "\n" + text.body().substring(0, text.body().indexOf("Pourquoi vous voyez"));
        for (String line : message.split("\n")) {
            Matcher date = FRENCH_DATE.matcher(line);
            while (date.find()) {
                assertThat(parse(date.group())).as(where + ": no far deadline in « " + line + " »")
                        .isBeforeOrEqualTo(subject.today().plus(PreventionContent.DEADLINE_HORIZON));
            }
        }
        assertThat(message).as(where).doesNotContain("recommandé jusqu'au");
        if (subject.stage() != Stage.DUE || subject.planned()) {
            assertThat(message.toLowerCase(Locale.ROOT)).as(where + ": nothing to do once done, over or booked")
                    .doesNotContain("à faire").doesNotContain("prenez rendez-vous");
        }
        if (subject.planned()) assertThat(message).as(where).contains("Rendez-vous prévu le ");
        if (subject.stage() == Stage.COMPLETED) assertThat(message).as(where).contains("C'est fait");
        if (subject.stage() == Stage.DUE && !subject.planned() && subject.campaign().id().equals("dental-checkup")) {
            assertThat(message).as(where).contains("avec un dentiste").doesNotContain("médecin");
        }
        if (subject.reader().representative()) {
            // the campaign's criteria are the catalogue's, written to the person concerned, and say so
            assertAddressesTheRepresentative(all.replace(description, ""), where);
            assertThat(text.body()).as(where).contains("« vous » y désigne");
        } else {
            assertThat(text.body()).as(where).contains("Selon les informations de votre profil");
            subject.reasons().forEach(reason -> assertThat(text.body()).as(where).contains("- " + reason));
        }
    }

    private static void assertAddressesTheRepresentative(String text, String where) {
        String rest = text;
        for (String own : READERS_OWN) rest = rest.replace(own, "");
        Matcher m = SECOND_PERSON.matcher(rest);
        if (m.find()) {
            int from = Math.max(0, m.start() - 60);
            throw new AssertionError(where + ": speaks to the holder for a representative near « "
                    + rest.substring(from, Math.min(rest.length(), m.end() + 40)).replace('\n', ' ') + " »");
        }
    }

    @Test
    void noneOfTheNiNeSontAgreementsComeBack() {
        List<String> texts = new ArrayList<>();
        made.keySet().forEach(texts::addAll);
        // the catalogue on days either side of the rules' effective dates, so that every rule's text is read
        List<CampaignCriteria> catalogues = java.util.stream.Stream.of("2024-01-01", "2025-06-01", "2026-03-16", "2027-06-01")
                .flatMap(day -> rules.criteria(java.time.LocalDate.parse(day)).stream()).toList();
        for (CampaignCriteria c : catalogues) {
            texts.add(c.whoIsConcerned());
            c.checks().forEach(check -> texts.add(check.description()));
        }
        assertThat(texts).isNotEmpty().noneMatch(t -> NI_NE_SONT.matcher(t).find());
    }

    private static LocalDate parse(String frenchDate) {
        return LocalDate.parse(frenchDate.replace("1er ", "1 "), DateTimeFormatter.ofPattern("d MMMM yyyy", FR));
    }
}
