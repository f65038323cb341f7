package org.vigie.platform.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigie.platform.Api.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.Representatives;
import org.vigie.platform.recommendation.RecommendationStatus;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.platform.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * The surfaces of the space (docs/space-sources.md#surfaces) through the citizen API: « À la une », the agenda's
 * recommended entries, the profile alerts and the display-only prevention messages, derived from the
 * stored recommendations and each campaign's declared surfaces.
 */
@VigieApplicationTest
class SurfaceApiTests {

    private static final String PROVENANCE = "Ce message vous est proposé par la prévention personnalisée de Mon espace santé.";
    private static final Set<String> UNREAD = Set.of("OPEN", "NOTIFIED");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Recommendations recommendations;

    @Autowired
    Representatives representatives;

    @Autowired
    JdbcClient jdbc;

    CitizenId id;
    Api holder;
    String space;
    UUID breast;
    UUID zoster;

    /**
     * A woman of 68 with a mammography over 2 years old, a colorectal test less than 2 years old and
     * her pneumococcal dose: breast screening and the zoster vaccination are recommended, nothing
     * else. No act is dated in the breast screening's due period (any act there would complete it).
     */
    @BeforeEach
    void aWomanOf68() {
        String external = "surfaces-" + UUID.randomUUID();
        id = new SpaceFixture(context).store(external, """
                {"birthDate":"1958-01-01","sex":"F","accountStatus":"ACTIVATED",
                 "acts":[{"kind":"MAMMOGRAPHY","date":"2023-01-10"},{"kind":"FIT_TEST","date":"2024-06-01"}],
                 "vaccinations":[{"vaccine":"DTP","date":"2023-01-01"},{"vaccine":"PNEUMO","date":"2024-01-01"}]}""");
        holder = Api.as(port, external, Role.CITIZEN);
        space = "/api/v1/spaces/" + id;
        Map<String, JsonNode> recommended = settled(holder, space, r -> r.containsKey("SCREEN_BREAST") && r.containsKey("VACC_ZOSTER"));
        assertThat(recommended.keySet()).containsExactlyInAnyOrder("SCREEN_BREAST", "VACC_ZOSTER");
        breast = UUID.fromString(recommended.get("SCREEN_BREAST").get("id").asString());
        zoster = UUID.fromString(recommended.get("VACC_ZOSTER").get("id").asString());
    }

    @Test
    void aVaccinationShowsOnEverySurfaceAndAScreeningEverywhereButTheProfile() {
        JsonNode feed = json(holder.get(space + "/feed"));
        assertThat(ids(feed)).containsExactlyInAnyOrder(breast.toString(), zoster.toString());
        JsonNode card = byId(feed, zoster);
        assertThat(card.get("title").asString()).isEqualTo("Vaccination contre le zona");
        assertThat(card.get("text").asString()).startsWith("Recommandé pour vous par la prévention personnalisée.");
        assertThat(card.get("unread").asBoolean()).isTrue();
        assertThat(card.get("article").asString()).isEqualTo(space + "/feed/" + zoster);
        assertThat(card.get("provenance").get("text").asString()).isEqualTo(PROVENANCE);
        assertThat(card.get("provenance").get("objection").asString()).contains("vous opposer");
        assertThat(card.get("why").get("reasons").get(0).asString()).startsWith("Vous avez 65 ans ou plus");
        assertThat(card.get("why").get("criteria").asString()).startsWith("La vaccination contre le zona");
        assertThat(card.get("why").get("recommendations").asString()).isEqualTo(space + "/recommendations");

        JsonNode agenda = json(holder.get(space + "/agenda"));
        assertThat(agenda.has("appointments")).isTrue();
        assertThat(agenda.has("reminders")).isTrue();
        JsonNode entries = agenda.get("recommended");
        // by the start of their due period: the vaccination has been due since the 65th birthday
        assertThat(ids(entries)).containsExactly(zoster.toString(), breast.toString());
        JsonNode entry = byId(entries, breast);
        assertThat(entry.get("kind").asString()).isEqualTo("RECOMMENDED");
        assertThat(entry.get("title").asString()).isEqualTo("À prévoir : Dépistage du cancer du sein");
        // the end of the age band, years away, is no deadline: it is not shown
        assertThat(entry.get("text").asString()).isEqualTo("À faire dès maintenant.");
        assertThat(entry.get("dueFrom").asString()).isEqualTo("2025-01-10");
        assertThat(entry.get("dueBy").asString()).isEqualTo("2032-12-31");
        assertThat(entry.get("link").asString()).isEqualTo(space + "/agenda/recommended/" + breast);

        JsonNode alerts = json(holder.get(space + "/profile/alerts"));
        assertThat(ids(alerts)).containsExactly(zoster.toString());
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("section").asString()).isEqualTo("VACCINATIONS");
        assertThat(alert.get("sectionLabel").asString()).isEqualTo("Vaccinations");
        assertThat(alert.get("text").asString()).isEqualTo("Une action de prévention vous est recommandée. À faire dès maintenant.");
        assertThat(ids(json(holder.get(space + "/profile/alerts?section=VACCINATIONS")))).containsExactly(zoster.toString());
        assertThat(json(holder.get(space + "/profile/alerts?section=CONDITIONS"))).isEmpty();

        JsonNode messages = json(holder.get(space + "/messages"));
        assertThat(ids(messages)).containsExactlyInAnyOrder(breast.toString(), zoster.toString());
        JsonNode message = byId(messages, breast);
        assertThat(message.get("sender").asString()).isEqualTo("Mon espace santé — Prévention personnalisée");
        assertThat(message.get("subject").asString()).isEqualTo("Prévention personnalisée : Dépistage du cancer du sein");
        assertThat(message.get("replyAllowed").asBoolean()).isFalse();
        assertThat(message.get("unread").asBoolean()).isTrue();
        assertThat(message.get("date").asString()).isNotBlank();
    }

    @Test
    void listingMarksNothingSeen() {
        for (String list : List.of("/feed", "/agenda", "/profile/alerts", "/messages")) {
            assertThat(holder.get(space + list).statusCode()).isEqualTo(200);
        }
        assertThat(UNREAD).contains(status(breast), status(zoster));
        json(holder.get(space + "/feed")).forEach(card -> assertThat(card.get("unread").asBoolean()).isTrue());
    }

    @Test
    void readingTheArticleOfACardMarksItSeenEverywhere() {
        JsonNode article = json(ok(holder.get(space + "/feed/" + breast)));

        assertThat(article.get("title").asString()).isEqualTo("Dépistage du cancer du sein");
        assertThat(article.get("body").asString()).contains(PROVENANCE)
                .contains("Votre dernière mammographie enregistrée date du 10/01/2023, il y a 2 ans ou plus.")
                .contains("Le dépistage organisé du cancer du sein est proposé tous les 2 ans");
        assertThat(article.get("status").asString()).isEqualTo("SEEN");
        assertThat(article.get("unread").asBoolean()).isFalse();
        assertThat(status(breast)).isEqualTo("SEEN");
        assertThat(UNREAD).contains(status(zoster));
        // the same recommendation on the other surfaces is read too
        assertThat(byId(json(holder.get(space + "/agenda")).get("recommended"), breast).get("unread").asBoolean()).isFalse();
        assertThat(byId(json(holder.get(space + "/messages")), breast).get("unread").asBoolean()).isFalse();
        assertThat(byId(json(holder.get(space + "/messages")), zoster).get("unread").asBoolean()).isTrue();
    }

    @Test
    void readingARecommendedAgendaEntryMarksItSeen() {
        JsonNode entry = json(ok(holder.get(space + "/agenda/recommended/" + zoster)));

        assertThat(entry.get("kind").asString()).isEqualTo("RECOMMENDED");
        assertThat(entry.get("body").asString()).contains(PROVENANCE).contains("Aucune dose de vaccin contre le zona n'est enregistrée");
        assertThat(status(zoster)).isEqualTo("SEEN");
        assertThat(UNREAD).contains(status(breast));
    }

    @Test
    void readingAProfileAlertMarksItSeen() {
        JsonNode alert = json(ok(holder.get(space + "/profile/alerts/" + zoster)));

        assertThat(alert.get("section").asString()).isEqualTo("VACCINATIONS");
        assertThat(alert.get("body").asString()).contains("rubrique « Vaccinations » de votre profil médical").contains(PROVENANCE);
        assertThat(status(zoster)).isEqualTo("SEEN");
        assertThat(UNREAD).contains(status(breast));
    }

    @Test
    void readingAMessageMarksItSeenAndSaysItCannotBeAnswered() {
        JsonNode message = json(ok(holder.get(space + "/messages/" + breast)));

        assertThat(message.get("body").asString()).startsWith("Bonjour,").contains(PROVENANCE)
                .endsWith("vous ne pouvez pas y répondre.");
        assertThat(message.get("replyAllowed").asBoolean()).isFalse();
        assertThat(message.get("displayOnly").asString()).contains("vous ne pouvez pas y répondre");
        assertThat(status(breast)).isEqualTo("SEEN");
        assertThat(UNREAD).contains(status(zoster));
    }

    @Test
    void aReplyIsRefusedAndChangesNothing() {
        String before = json(holder.get(space + "/messages")).toString();
        String statusBefore = status(breast);
        long tracesBefore = holderTraces();

        for (HttpResponse<String> write : List.of(
                holder.post(space + "/messages/" + breast + "/replies", "{\"text\":\"Merci, c'est fait.\"}"),
                holder.post(space + "/messages", "{\"subject\":\"Question\"}"),
                holder.send("PUT", space + "/messages/" + breast, "{\"subject\":\"x\"}"),
                holder.delete(space + "/messages/" + breast))) {
            assertThat(write.statusCode()).as(write.request().method() + " " + write.uri()).isEqualTo(409);
            assertThat(write.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(write).get("type").asString()).isEqualTo("urn:vigie:problem:display-only");
            assertThat(json(write).get("detail").asString()).contains("display-only");
        }

        assertThat(status(breast)).isEqualTo(statusBefore);
        assertThat(json(holder.get(space + "/messages")).toString()).isEqualTo(before);
        // the listing just above is traced; the refused writes wrote nothing, not even a trace
        assertThat(holderTraces()).isEqualTo(tracesBefore + 1);
    }

    @Test
    void aCompletedRecommendationLeavesTheFeedTheAgendaAndTheAlertsButStaysInTheInbox() {
        assertThat(holder.post(space + "/facts/acts", "{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2026-03-10\"}").statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(status(breast)));
        assertThat(holder.post(space + "/facts/vaccinations", "{\"vaccine\":\"ZOSTER\",\"date\":\"2026-03-12\"}").statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> !UNREAD.contains(status(zoster)) && !"SEEN".equals(status(zoster)));
        // one dose of two: the first dose's recommendation is done, the second one is due later
        assertThat(status(zoster)).isEqualTo("COMPLETED");

        assertThat(ids(json(holder.get(space + "/feed")))).doesNotContain(breast.toString(), zoster.toString());
        assertThat(ids(json(holder.get(space + "/agenda")).get("recommended"))).doesNotContain(breast.toString(), zoster.toString());
        assertThat(ids(json(holder.get(space + "/profile/alerts")))).doesNotContain(zoster.toString());
        assertThat(holder.get(space + "/feed/" + breast).statusCode()).isEqualTo(404);
        assertThat(holder.get(space + "/agenda/recommended/" + breast).statusCode()).isEqualTo(404);
        assertThat(holder.get(space + "/profile/alerts/" + zoster).statusCode()).isEqualTo(404);

        JsonNode inbox = json(holder.get(space + "/messages"));
        assertThat(ids(inbox)).contains(breast.toString(), zoster.toString());
        JsonNode message = json(ok(holder.get(space + "/messages/" + breast)));
        assertThat(message.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(message.get("body").asString()).contains("C'est fait : cette action de prévention est enregistrée comme réalisée.")
                .doesNotContain("À faire").doesNotContain("prenez rendez-vous");
        assertThat(message.get("unread").asBoolean()).isFalse();
        assertThat(status(breast)).isEqualTo("COMPLETED");
    }

    @Test
    void aWithdrawnRecommendationLeavesTheInboxToo() {
        // a personal history of breast cancer: screening is no longer offered, the recommendation is withdrawn
        assertThat(holder.post(space + "/facts/conditions", "{\"code\":\"C50.9\",\"since\":\"2026-01-15\"}").statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(breast)).isEqualTo("WITHDRAWN"));

        assertThat(ids(json(holder.get(space + "/messages")))).containsExactly(zoster.toString());
        assertThat(holder.get(space + "/messages/" + breast).statusCode()).isEqualTo(404);
        assertThat(ids(json(holder.get(space + "/feed")))).containsExactly(zoster.toString());
        assertThat(status(breast)).isEqualTo("WITHDRAWN");
    }

    @Test
    void anOptedOutCitizenSeesNothingEvenBeforeTheReevaluationWithdrawsTheRows() {
        // the window between the opt-out and its asynchronous re-evaluation: the rows are still active
        jdbc.sql("update citizen set prevention_opt_out = true where id = ?").param(id.value()).update();
        try {
            assertThat(UNREAD).contains(status(breast), status(zoster));
            assertThat(json(holder.get(space + "/feed"))).isEmpty();
            assertThat(json(holder.get(space + "/agenda")).get("recommended")).isEmpty();
            assertThat(json(holder.get(space + "/profile/alerts"))).isEmpty();
            assertThat(json(holder.get(space + "/messages"))).isEmpty();
            for (String item : List.of("/feed/" + breast, "/agenda/recommended/" + breast, "/profile/alerts/" + zoster,
                    "/messages/" + zoster)) {
                assertThat(holder.get(space + item).statusCode()).as(item).isEqualTo(404);
            }
            // nothing was marked seen either
            assertThat(UNREAD).contains(status(breast), status(zoster));
        } finally {
            jdbc.sql("update citizen set prevention_opt_out = false where id = ?").param(id.value()).update();
        }

        holder.put(space + "/prevention/opt-out", "{\"optedOut\":true}");
        assertThat(json(holder.get(space + "/messages"))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> "WITHDRAWN".equals(status(breast)) && "WITHDRAWN".equals(status(zoster)));
        assertThat(json(holder.get(space + "/feed"))).isEmpty();
    }

    @Test
    void aMammographyBookedInTheAgendaReadsAsPlannedUntilTheAppointment() {
        assertThat(holder.post(space + "/facts/appointments",
                "{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2026-03-23\",\"status\":\"SCHEDULED\"}").statusCode()).isEqualTo(201);
        Map<String, JsonNode> recommended = settled(holder, space, r -> r.containsKey("SCREEN_BREAST")
                && r.get("SCREEN_BREAST").get("plannedOn") != null && !r.get("SCREEN_BREAST").get("plannedOn").isNull());
        assertThat(recommended.get("SCREEN_BREAST").get("id").asString()).isEqualTo(breast.toString());
        assertThat(recommended.get("SCREEN_BREAST").get("plannedOn").asString()).isEqualTo("2026-03-23");

        JsonNode entry = byId(json(holder.get(space + "/agenda")).get("recommended"), breast);
        assertThat(entry.get("text").asString()).isEqualTo("Rendez-vous prévu le 23 mars 2026.");
        assertThat(entry.get("plannedOn").asString()).isEqualTo("2026-03-23");
        JsonNode detail = json(ok(holder.get(space + "/agenda/recommended/" + breast)));
        assertThat(detail.get("body").asString()).contains("Un rendez-vous pour cette action de prévention est inscrit à votre agenda.")
                .doesNotContain("À faire");
        // another campaign's act booked says nothing about the vaccination
        assertThat(byId(json(holder.get(space + "/agenda")).get("recommended"), zoster).get("plannedOn").isNull()).isTrue();
    }

    @Test
    void aParentReadsTheReasonsAndSurfacesOfTheirChildAboutTheirChild() {
        SpaceFixture fixture = new SpaceFixture(context);
        CitizenId minor = fixture.store("surfaces-child-" + UUID.randomUUID(), """
                {"birthDate":"2014-05-01","sex":"F","accountStatus":"OPEN"}""");
        String parentId = "surfaces-parent-" + UUID.randomUUID();
        representatives.appointLegalRepresentative(Actor.operator("test-setup"), minor, parentId, "set-up");
        Api parent = Api.as(port, parentId, Role.CITIZEN);
        String minorSpace = "/api/v1/spaces/" + minor;
        JsonNode dental = settled(parent, minorSpace, r -> r.containsKey("DENTAL_CHECKUP")).get("DENTAL_CHECKUP");

        assertThat(dental.get("reasons").get(1).asString()).startsWith("Votre enfant a 11 ans et aucun examen de prévention dentaire")
                .contains("depuis son anniversaire du 01/05/2025");
        JsonNode article = json(ok(parent.get(minorSpace + "/feed/" + dental.get("id").asString())));
        assertThat(article.get("body").asString()).contains("Cette action de prévention est recommandée pour votre enfant.")
                .contains("Pour la réaliser, prenez rendez-vous pour votre enfant avec un dentiste.")
                .contains("- Votre enfant a 11 ans").doesNotContain("Vous avez").doesNotContain("- Vous");
        assertThat(article.get("why").get("reasons").get(1).asString()).startsWith("Votre enfant a 11 ans");
        assertThat(article.get("provenance").get("text").asString()).contains("pour votre enfant");
    }

    @Test
    void theRepresentativeOfAMinorReadsHerSurfacesAndAnotherCitizenCannot() {
        SpaceFixture fixture = new SpaceFixture(context);
        CitizenId minor = fixture.store("surfaces-minor-" + UUID.randomUUID(), """
                {"birthDate":"2014-05-01","sex":"F","accountStatus":"OPEN"}""");
        String parentId = "surfaces-parent-" + UUID.randomUUID();
        representatives.appointLegalRepresentative(Actor.operator("test-setup"), minor, parentId, "set-up");
        Api parent = Api.as(port, parentId, Role.CITIZEN);
        String minorSpace = "/api/v1/spaces/" + minor;
        UUID hpv = UUID.fromString(settled(parent, minorSpace, r -> r.containsKey("VACC_HPV")).get("VACC_HPV").get("id").asString());

        assertThat(ids(json(ok(parent.get(minorSpace + "/profile/alerts?section=VACCINATIONS"))))).contains(hpv.toString());
        JsonNode message = json(ok(parent.get(minorSpace + "/messages/" + hpv)));
        assertThat(message.get("subject").asString()).contains("papillomavirus");
        assertThat(status(hpv)).isEqualTo("SEEN");

        // the minor's recommendation read from the holder's own space, and the minor's space by a stranger
        assertThat(holder.get(space + "/messages/" + hpv).statusCode()).isEqualTo(404);
        assertThat(holder.get(space + "/feed/" + hpv).statusCode()).isEqualTo(404);
        HttpResponse<String> stranger = holder.get(minorSpace + "/feed");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(json(stranger).get("type").asString()).isEqualTo("urn:vigie:problem:not-your-space");
        assertThat(holder.get(minorSpace + "/messages/" + hpv).statusCode()).isEqualTo(403);

        // the minor's trace names the representative
        List<String> traces = jdbc.sql("select actor_kind || '|' || actor_id || '|' || action from trace where citizen_id = ?")
                .param(minor.value()).query(String.class).list();
        assertThat(traces).contains(
                "REPRESENTATIVE|" + parentId + "|read profile alerts",
                "REPRESENTATIVE|" + parentId + "|read prevention message",
                "REPRESENTATIVE|" + parentId + "|recommendation seen");
    }

    @Test
    void anItemOfASurfaceItsCampaignDoesNotDeclareIsNotFoundAndRevealsNothing() {
        HttpResponse<String> screeningAlert = holder.get(space + "/profile/alerts/" + breast);
        HttpResponse<String> unknown = holder.get(space + "/profile/alerts/" + UUID.randomUUID());

        assertThat(screeningAlert.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(screeningAlert).get("type").asString()).isEqualTo("urn:vigie:problem:unknown-item");
        assertThat(json(screeningAlert).get("title").asString()).isEqualTo(json(unknown).get("title").asString());
        assertThat(json(screeningAlert).get("detail").asString()).doesNotContain("SCREEN").doesNotContain("screen-breast");
        assertThat(UNREAD).contains(status(breast));
    }

    @Test
    void aBadSectionIsABadRequestNamingTheParameter() {
        HttpResponse<String> bad = holder.get(space + "/profile/alerts?section=TEETH");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(bad).get("field").asString()).isEqualTo("section");
        assertThat(json(bad).get("detail").asString()).contains("TEETH").contains("VACCINATIONS");
    }

    @Test
    void readsAreTracedInTheHoldersTrace() {
        holder.get(space + "/feed");
        holder.get(space + "/feed/" + breast);
        holder.get(space + "/agenda");
        holder.get(space + "/agenda/recommended/" + zoster);
        holder.get(space + "/profile/alerts");
        holder.get(space + "/profile/alerts/" + zoster);
        holder.get(space + "/messages");
        holder.get(space + "/messages/" + breast);

        List<String> actions = new ArrayList<>();
        json(holder.get(space + "/traces")).forEach(t -> {
            if (t.get("actor").get("kind").asString().equals("HOLDER")) actions.add(t.get("what").asString() + " / " + t.get("why").asString());
        });
        assertThat(actions).contains(
                "read prevention feed / citizen API: feed",
                "read prevention feed article / citizen API: feed",
                "read recommended agenda entries / citizen API: agenda",
                "read recommended agenda entry / citizen API: agenda",
                "read profile alerts / citizen API: profile alerts",
                "read profile alert / citizen API: profile alerts",
                "read prevention messages / citizen API: secure messaging",
                "read prevention message / citizen API: secure messaging");
        // two recommendations, each seen once: the second read of one does not mark it again
        assertThat(actions.stream().filter(a -> a.startsWith("recommendation seen"))).hasSize(2);
    }

    private long holderTraces() {
        return jdbc.sql("select count(*) from trace where citizen_id = ? and actor_kind = 'HOLDER'").param(id.value())
                .query(Long.class).single();
    }

    private String status(UUID recommendation) {
        return recommendations.find(recommendation).map(r -> r.status().name()).orElseThrow();
    }

    /** The re-evaluation runs after the change's commit, on its own thread: wait until its result shows. */
    private static Map<String, JsonNode> settled(Api caller, String space, Predicate<Map<String, JsonNode>> done) {
        Map<String, JsonNode> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            seen.clear();
            json(caller.get(space + "/recommendations")).forEach(r -> {
                if (RecommendationStatus.valueOf(r.get("status").asString()).active()) seen.put(r.get("key").asString(), r);
            });
            return done.test(seen);
        });
        return seen;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static JsonNode byId(JsonNode items, UUID id) {
        for (JsonNode item : items) if (item.get("id").asString().equals(id.toString())) return item;
        throw new AssertionError("no item " + id + " in " + items);
    }
}
