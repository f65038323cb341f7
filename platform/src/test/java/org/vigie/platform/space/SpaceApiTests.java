package org.vigie.platform.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.platform.Api.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.Api;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Representatives;
import org.vigie.platform.citizen.Retention;
import org.vigie.platform.citizen.SpaceFacts;
import org.vigie.platform.security.Role;
import tools.jackson.databind.JsonNode;

/** The citizen API as a holder and a representative use it: what they see, what they change, and what is refused. */
@VigieApplicationTest
class SpaceApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    Representatives representatives;

    @Autowired
    Retention retention;

    @Autowired
    TestClock clock;

    SpaceFixture.Space space;
    Api holder;
    Api representative;

    @BeforeEach
    void space() {
        space = new SpaceFixture(context).create();
        holder = space.holder(port);
        representative = space.representative(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theHolderAddsAFactAndSeesItWithItsProvenance() {
        HttpResponse<String> added = holder.post(space.path() + "/facts/vaccinations", "{\"vaccine\":\"FLU\",\"date\":\"2025-10-20\"}");

        assertThat(added.statusCode()).isEqualTo(201);
        JsonNode fact = json(added);
        assertThat(added.headers().firstValue("Location")).hasValue("/api/v1/spaces/" + space.id() + "/facts/" + fact.get("id").asString());
        assertThat(fact.get("type").asString()).isEqualTo("vaccinations");
        assertThat(fact.get("editable").asBoolean()).isTrue();
        assertThat(fact.get("author").asString()).isEqualTo("HOLDER:" + space.id());
        assertThat(fact.get("fact").get("source").asString()).isEqualTo("SELF");

        JsonNode listed = json(holder.get(space.path() + "/facts?type=vaccinations"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("fact").get("vaccine").asString()).isEqualTo("FLU");
        assertThat(actions(holder)).contains("HOLDER added vaccination");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field      | measures  | {\"kind\":\"WEIGHT_KG\",\"valeur\":70,\"date\":\"2026-03-01\"} | valeur",
            "missing date       | measures  | {\"kind\":\"WEIGHT_KG\",\"value\":70}                         | date",
            "impossible date    | measures  | {\"kind\":\"WEIGHT_KG\",\"value\":70,\"date\":\"2026-02-30\"} | date",
            "unknown kind       | measures  | {\"kind\":\"POIDS\",\"value\":70,\"date\":\"2026-03-01\"}     | kind",
            "another's source   | measures  | {\"kind\":\"WEIGHT_KG\",\"value\":70,\"date\":\"2026-03-01\",\"source\":\"PROFESSIONAL\"} | source",
            "unknown fact type  | weights   | {\"kind\":\"WEIGHT_KG\",\"value\":70,\"date\":\"2026-03-01\"} | type",
            "not JSON           | measures  | {kind: WEIGHT_KG                                              | ''",
    })
    void aBadFactIsRefusedNamingTheFieldAndNothingIsStored(String name, String type, String body, String field) {
        int before = json(holder.get(space.path() + "/facts")).size();

        HttpResponse<String> response = holder.post(space.path() + "/facts/" + type, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        if (field.isEmpty()) assertThat(problem.has("field")).isFalse();
        else assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(json(holder.get(space.path() + "/facts")).size()).isEqualTo(before);
    }

    @Test
    void anEmptyBodyIsRefused() {
        HttpResponse<String> response = holder.post(space.path() + "/facts/measures", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asString()).contains("empty");
    }

    @Test
    void aFactFromAProfessionalIsReadOnlyForTheHolder() {
        String path = space.path() + "/facts/" + space.professionalFact();

        HttpResponse<String> removed = holder.delete(path);
        HttpResponse<String> changed = holder.put(space.path() + "/facts/conditions/" + space.professionalFact(), "{\"code\":\"I10\"}");

        assertThat(removed.statusCode()).isEqualTo(409);
        assertThat(json(removed).get("detail").asString()).contains("read-only");
        assertThat(changed.statusCode()).isEqualTo(409);
        JsonNode facts = json(holder.get(space.path() + "/facts?type=conditions"));
        assertThat(facts).hasSize(1);
        assertThat(facts.get(0).get("fact").get("code").asString()).isEqualTo("J45.9");
        assertThat(facts.get(0).get("editable").asBoolean()).isFalse();
    }

    @Test
    void whatAnApplicationPutInTheSpaceCanBeRemovedButNotChanged() {
        var app = spaceFacts.addFact(Actor.ingestion("app-feed"), space.id(), new org.vigie.engine.fact.Measure(
                org.vigie.engine.fact.MeasureKind.HEART_RATE_BPM, 62.0, LocalDate.of(2026, 3, 1),
                org.vigie.engine.fact.Source.APP, false), "referenced application");
        JsonNode listed = json(holder.get(space.path() + "/facts?type=measures"));
        JsonNode view = null;
        for (JsonNode f : listed) if (f.get("id").asString().equals(app.id().toString())) view = f;
        assertThat(view.get("editable").asBoolean()).isFalse();
        assertThat(view.get("removable").asBoolean()).isTrue();

        HttpResponse<String> changed = holder.put(space.path() + "/facts/measures/" + app.id(),
                "{\"kind\":\"HEART_RATE_BPM\",\"value\":60,\"date\":\"2026-03-01\"}");
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(holder.delete(space.path() + "/facts/" + app.id()).statusCode()).isEqualTo(204);
    }

    @Test
    void aRepresentativeCannotReachAHiddenFactEvenByItsId() {
        String hidden = json(holder.post(space.path() + "/facts/conditions", "{\"code\":\"F32\",\"hiddenFromRepresentatives\":true}"))
                .get("id").asString();

        HttpResponse<String> removed = representative.delete(space.path() + "/facts/" + hidden);
        HttpResponse<String> changed = representative.put(space.path() + "/facts/conditions/" + hidden, "{\"code\":\"F33\"}");

        assertThat(removed.statusCode()).isEqualTo(404);
        assertThat(changed.statusCode()).isEqualTo(404);
        assertThat(codes(holder.get(space.path() + "/facts?type=conditions"))).contains("F32").doesNotContain("F33");
    }

    @Test
    void theHolderCorrectsAndRemovesWhatTheyEntered() {
        HttpResponse<String> corrected = holder.put(space.path() + "/facts/measures/" + space.selfFact(),
                "{\"kind\":\"WEIGHT_KG\",\"value\":68.5,\"date\":\"2026-02-01\"}");
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(json(corrected).get("fact").get("value").asDouble()).isEqualTo(68.5);

        HttpResponse<String> wrongType = holder.put(space.path() + "/facts/conditions/" + space.selfFact(), "{\"code\":\"I10\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);

        assertThat(holder.delete(space.path() + "/facts/" + space.selfFact()).statusCode()).isEqualTo(204);
        HttpResponse<String> again = holder.delete(space.path() + "/facts/" + space.selfFact());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).get("field").asString()).isEqualTo("fact");
    }

    @Test
    void aMalformedIdentifierNamesTheParameter() {
        HttpResponse<String> response = holder.delete(space.path() + "/facts/not-a-uuid");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asString()).isEqualTo("fact");
    }

    @Test
    void measuresComeWithTheBodyMassIndexOfTheLatestWeightAndHeight() {
        holder.post(space.path() + "/facts/measures", "{\"kind\":\"HEIGHT_CM\",\"value\":160,\"date\":\"2025-06-01\"}");
        holder.post(space.path() + "/facts/measures", "{\"kind\":\"WEIGHT_KG\",\"value\":80,\"date\":\"2026-03-10\"}");

        JsonNode measures = json(holder.get(space.path() + "/measures"));

        assertThat(measures.get("measures")).hasSize(3);
        assertThat(measures.get("measures").get(0).get("fact").get("date").asString()).isEqualTo("2026-03-10");
        assertThat(measures.get("bodyMassIndex").get("value").asDouble()).isEqualTo(31.3);
        assertThat(measures.get("bodyMassIndex").get("date").asString()).isEqualTo("2026-03-10");
    }

    @Test
    void aRepresentativeActsInTheirOwnNameAndSwitchesBetweenSpaces() {
        JsonNode me = json(representative.get("/api/v1/me"));
        assertThat(me.get("subject").asString()).isEqualTo(space.representative());
        assertThat(me.get("own").isNull()).isTrue();
        assertThat(me.get("represented")).hasSize(1);
        assertThat(me.get("represented").get(0).get("id").asString()).isEqualTo(space.id().toString());
        assertThat(me.get("represented").get(0).get("capacity").asString()).isEqualTo("PROTECTED_ADULT_REPRESENTATIVE");

        assertThat(representative.post(space.path() + "/facts/conditions", "{\"code\":\"E11\"}").statusCode()).isEqualTo(201);

        assertThat(actions(holder)).contains("REPRESENTATIVE:" + space.representative() + " added condition");
    }

    @Test
    void aRepresentativeNeverSeesWhatTheHolderHid() {
        holder.post(space.path() + "/facts/conditions", "{\"code\":\"F32\",\"hiddenFromRepresentatives\":true}");
        holder.post(space.path() + "/agenda/reminders", "{\"title\":\"Psy\",\"dueAt\":\"2026-04-03T09:00:00Z\",\"hiddenFromRepresentatives\":true}");

        assertThat(codes(holder.get(space.path() + "/facts?type=conditions"))).contains("F32");
        assertThat(codes(representative.get(space.path() + "/facts?type=conditions"))).doesNotContain("F32").contains("J45.9");
        assertThat(json(representative.get(space.path() + "/agenda")).get("reminders").toString()).doesNotContain("Psy");
        assertThat(json(holder.get(space.path() + "/agenda")).get("reminders").toString()).contains("Psy");
    }

    @Test
    void aLegalRepresentativesAccessEndsOnTheMinorsEighteenthBirthday() {
        CitizenId minor = new SpaceFixture(context).store("teen-" + space.id(), """
                {"birthDate":"2008-03-17","sex":"F","accountStatus":"OPEN"}""");
        representatives.appointLegalRepresentative(Actor.operator("test"), minor, "parent-" + space.id(), "birth certificate");
        Api parent = Api.as(port, "parent-" + space.id(), Role.CITIZEN);

        assertThat(parent.get("/api/v1/spaces/" + minor + "/facts").statusCode()).isEqualTo(200);
        clock.set(LocalDate.of(2026, 3, 17).atStartOfDay(TestClock.PARIS).toInstant());
        HttpResponse<String> afterwards = parent.get("/api/v1/spaces/" + minor + "/facts");

        assertThat(afterwards.statusCode()).isEqualTo(403);
        assertThat(json(afterwards).get("field").asString()).isEqualTo("space");
        assertThat(json(parent.get("/api/v1/me")).get("represented")).isEmpty();
    }

    @Test
    void anotherCitizensSpaceIsRefused() {
        HttpResponse<String> response = space.stranger(port).get(space.path() + "/facts");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:vigie:problem:not-your-space");
        assertThat(actions(holder)).noneMatch(a -> a.contains(space.stranger()));
    }

    @Test
    void optingOutIsKeptWithItsHistoryAndReadsAreTraced() {
        HttpResponse<String> out = holder.put(space.path() + "/prevention/opt-out", "{\"optedOut\":true}");
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(json(out).get("optedOut").asBoolean()).isTrue();
        holder.put(space.path() + "/prevention/opt-out", "{\"optedOut\":false}");

        JsonNode choices = json(holder.get(space.path() + "/prevention"));
        assertThat(choices.get("optedOut").asBoolean()).isFalse();
        assertThat(choices.get("optOutHistory")).hasSize(2);
        assertThat(choices.get("optOutHistory").get(0).get("optedOut").asBoolean()).isTrue();
        assertThat(actions(holder)).contains("HOLDER read prevention choices", "HOLDER prevention opt-out: objected");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a string       | {\"optedOut\":\"yes\"} | optedOut",
            "missing        | {}                     | optedOut",
            "unknown field  | {\"optOut\":true}      | optOut",
    })
    void aBadOptOutIsRefusedAndChangesNothing(String name, String body, String field) {
        HttpResponse<String> response = holder.put(space.path() + "/prevention/opt-out", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asString()).isEqualTo(field);
        assertThat(json(holder.get(space.path() + "/prevention")).get("optOutHistory")).isEmpty();
    }

    @Test
    void aRefusedConsentIsNotOfferedAgainButCanBeChanged() {
        JsonNode before = json(holder.get(space.path() + "/prevention"));
        assertThat(before.get("offerConsentJourney").get("SCREENING").asBoolean()).isTrue();

        holder.put(space.path() + "/prevention/consents/SCREENING", "{\"consent\":\"REFUSED\"}");
        JsonNode refused = json(holder.get(space.path() + "/prevention"));
        assertThat(refused.get("consents").get("SCREENING").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("offerConsentJourney").get("SCREENING").asBoolean()).isFalse();
        assertThat(refused.get("offerConsentJourney").get("PREGNANCY").asBoolean()).isTrue();

        holder.put(space.path() + "/prevention/consents/SCREENING", "{\"consent\":\"GRANTED\"}");
        JsonNode granted = json(holder.get(space.path() + "/prevention"));
        assertThat(granted.get("consents").get("SCREENING").asString()).isEqualTo("GRANTED");
        assertThat(granted.get("consentHistory")).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "back to not asked | SCREENING | {\"consent\":\"NOT_ASKED\"} | consent",
            "unknown answer    | SCREENING | {\"consent\":\"MAYBE\"}     | consent",
            "general pathway   | GENERAL   | {\"consent\":\"GRANTED\"}   | pathway",
            "unknown pathway   | DENTAL    | {\"consent\":\"GRANTED\"}   | pathway",
    })
    void aBadConsentIsRefused(String name, String pathway, String body, String field) {
        HttpResponse<String> response = holder.put(space.path() + "/prevention/consents/" + pathway, body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asString()).isEqualTo(field);
        assertThat(json(holder.get(space.path() + "/prevention")).get("consentHistory")).isEmpty();
    }

    @Test
    void optionalNotificationsSwitchOffButMandatoryOnesCannot() {
        JsonNode off = json(holder.put(space.path() + "/notifications/CANCER_SCREENING/EMAIL", "{\"enabled\":false}"));
        assertThat(off.get("preferences").get("CANCER_SCREENING").get("EMAIL").asBoolean()).isFalse();
        assertThat(off.get("preferences").get("CANCER_SCREENING").get("PUSH").asBoolean()).isTrue();
        assertThat(off.get("preferences").get("EXAMS_VACCINATIONS").get("EMAIL").asBoolean()).isTrue();
        assertThat(off.get("mandatory").toString()).contains("DOCUMENT_ADDED_TO_DMP");

        HttpResponse<String> mandatory = holder.put(space.path() + "/notifications/DOCUMENT_ADDED_TO_DMP/EMAIL", "{\"enabled\":false}");
        assertThat(mandatory.statusCode()).isEqualTo(400);
        assertThat(json(mandatory).get("field").asString()).isEqualTo("category");
        assertThat(json(mandatory).get("detail").asString()).contains("mandatory");
        HttpResponse<String> channel = holder.put(space.path() + "/notifications/CANCER_SCREENING/SMS", "{\"enabled\":false}");
        assertThat(json(channel).get("field").asString()).isEqualTo("channel");
        assertThat(actions(holder)).contains("HOLDER read notification preferences");
    }

    @Test
    void devicesAreRegisteredAndForgotten() {
        JsonNode registered = json(holder.post(space.path() + "/devices", "{\"token\":\"fcm-token-2\"}"));
        assertThat(registered.get("devices").toString()).contains("fcm-token-2", space.device());

        assertThat(holder.delete(space.path() + "/devices/fcm-token-2").statusCode()).isEqualTo(204);
        assertThat(json(holder.get(space.path() + "/notifications")).get("devices").toString()).doesNotContain("fcm-token-2");
        HttpResponse<String> missing = holder.post(space.path() + "/devices", "{}");
        assertThat(json(missing).get("field").asString()).isEqualTo("token");
    }

    @Test
    void theAgendaHoldsAppointmentsAndReminders() {
        holder.post(space.path() + "/facts/appointments", "{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2026-04-10\",\"status\":\"SCHEDULED\"}");

        JsonNode agendaView = json(holder.get(space.path() + "/agenda"));
        assertThat(agendaView.get("appointments")).hasSize(1);
        assertThat(agendaView.get("appointments").get(0).get("fact").get("kind").asString()).isEqualTo("MAMMOGRAPHY");
        assertThat(agendaView.get("reminders")).hasSize(1);

        HttpResponse<String> bad = holder.post(space.path() + "/agenda/reminders", "{\"title\":\"x\",\"dueAt\":\"tomorrow\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("field").asString()).isEqualTo("dueAt");
        HttpResponse<String> untitled = holder.post(space.path() + "/agenda/reminders", "{\"dueAt\":\"2026-04-10T08:00:00Z\"}");
        assertThat(json(untitled).get("field").asString()).isEqualTo("title");
        assertThat(holder.delete(space.path() + "/agenda/reminders/" + space.reminder()).statusCode()).isEqualTo(204);
        assertThat(holder.delete(space.path() + "/agenda/reminders/" + space.reminder()).statusCode()).isEqualTo(404);
    }

    @Test
    void aClosedSpaceIsUnavailableUntilReopenedWithItsData() {
        HttpResponse<String> closed = holder.post(space.path() + "/closure", "{\"deleteData\":false}");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(json(closed).get("state").asString()).isEqualTo("CLOSED");

        HttpResponse<String> refused = holder.get(space.path() + "/facts");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("type").asString()).isEqualTo("urn:vigie:problem:space-unavailable");
        assertThat(holder.post(space.path() + "/closure", "{\"deleteData\":false}").statusCode()).isEqualTo(409);

        assertThat(json(holder.post(space.path() + "/reopening", "")).get("state").asString()).isEqualTo("ACTIVATED");
        assertThat(json(holder.get(space.path() + "/facts"))).hasSize(2);
    }

    @Test
    void closingWithDeletionPurgesTheSpaceAtOnce() {
        HttpResponse<String> missing = holder.post(space.path() + "/closure", "{}");
        assertThat(json(missing).get("field").asString()).isEqualTo("deleteData");

        holder.post(space.path() + "/closure", "{\"deleteData\":true}");
        assertThat(retention.purge()).contains(space.id());

        assertThat(spaces.findByExternalId(space.holder())).isEmpty();
        assertThat(holder.get(space.path() + "/facts").statusCode()).isEqualTo(403);
    }

    @Test
    void activationOpensAnOpenSpaceOnce() {
        assertThat(json(holder.post(space.path() + "/activation", "")).get("state").asString()).isEqualTo("ACTIVATED");
        HttpResponse<String> again = holder.post(space.path() + "/activation", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).isEqualTo("urn:vigie:problem:illegal-account-transition");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeAnythingIsRead() {
        String huge = "{\"code\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> response = holder.post(space.path() + "/facts/conditions", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(holder.get(space.path() + "/facts?type=conditions"))).hasSize(1);
    }

    /** The trace as the holder reads it: "KIND[:id] action". */
    private List<String> actions(Api api) {
        List<String> actions = new ArrayList<>();
        for (JsonNode t : json(api.get(space.path() + "/traces"))) {
            String kind = t.get("actor").get("kind").asString();
            String who = kind.equals("HOLDER") ? kind : kind + ":" + t.get("actor").get("id").asString();
            actions.add(who + " " + t.get("what").asString());
        }
        return actions;
    }

    private static List<String> codes(HttpResponse<String> response) {
        List<String> codes = new ArrayList<>();
        json(response).forEach(f -> codes.add(f.get("fact").get("code").asString()));
        return codes;
    }
}
