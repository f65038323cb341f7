package org.vigie.platform.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.AccountLifecycle;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.security.Role;
import org.vigie.platform.sweep.SweepRequest;
import org.vigie.platform.sweep.SweepStatus;
import org.vigie.platform.sweep.Sweeps;

/**
 * Who reaches what: every endpoint of the API called by every kind of caller, one test each, on a
 * fresh space. A citizen reaches their own space and the spaces they represent, never another's;
 * COMMITTEE and ANALYST never reach an individual's data (P1); the back office, ingestion and the
 * committee's test bench each have their role. A refusal is a problem document.
 */
@VigieApplicationTest
class AccessMatrixTests {

    enum Caller { ANONYMOUS, HOLDER, REPRESENTATIVE, OTHER_CITIZEN, COMMITTEE, ANALYST, OPERATOR, INGESTION }

    /** Who an endpoint lets through; anyone else gets 403, or 401 when anonymous. */
    enum Audience {
        PUBLIC(EnumSet.allOf(Caller.class)),
        ANY_CITIZEN(EnumSet.of(Caller.HOLDER, Caller.REPRESENTATIVE, Caller.OTHER_CITIZEN)),
        SPACE(EnumSet.of(Caller.HOLDER, Caller.REPRESENTATIVE)),
        HOLDER(EnumSet.of(Caller.HOLDER)),
        OPERATOR(EnumSet.of(Caller.OPERATOR)),
        INGESTION(EnumSet.of(Caller.INGESTION)),
        TEST_BENCH(EnumSet.of(Caller.COMMITTEE, Caller.OPERATOR));

        final Set<Caller> allowed;

        Audience(Set<Caller> allowed) {
            this.allowed = allowed;
        }
    }

    record Endpoint(String method, Function<SpaceFixture.Space, String> path, Function<SpaceFixture.Space, String> body,
                    Audience audience, int success, String name) {
    }

    static Endpoint endpoint(String method, String template, Audience audience, int success, Function<SpaceFixture.Space, String> body) {
        Function<SpaceFixture.Space, String> path = s -> template
                .replace("{space}", s.id().toString())
                .replace("{minor}", s.minor().toString())
                .replace("{fact}", s.selfFact().toString())
                .replace("{reminder}", s.reminder().toString())
                .replace("{device}", s.device())
                .replace("{representative}", s.representative())
                .replace("{externalId}", s.holder())
                .replace("{sweep}", Long.toString(sweep));
        return new Endpoint(method, path, body, audience, success, method + " " + template);
    }

    static Endpoint endpoint(String method, String template, Audience audience, int success, String body) {
        return endpoint(method, template, audience, success, s -> body);
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("GET", "/api/v1/me", Audience.ANY_CITIZEN, 200, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/facts", Audience.SPACE, 200, (String) null),
            endpoint("POST", "/api/v1/spaces/{space}/facts/measures", Audience.SPACE, 201,
                    "{\"kind\":\"HEIGHT_CM\",\"value\":168,\"date\":\"2026-03-01\"}"),
            endpoint("PUT", "/api/v1/spaces/{space}/facts/measures/{fact}", Audience.SPACE, 200,
                    "{\"kind\":\"WEIGHT_KG\",\"value\":69.5,\"date\":\"2026-02-01\"}"),
            endpoint("DELETE", "/api/v1/spaces/{space}/facts/{fact}", Audience.SPACE, 204, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/measures", Audience.SPACE, 200, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/agenda", Audience.SPACE, 200, (String) null),
            endpoint("POST", "/api/v1/spaces/{space}/agenda/reminders", Audience.SPACE, 201,
                    "{\"title\":\"Prendre rendez-vous\",\"dueAt\":\"2026-04-02T07:30:00Z\"}"),
            endpoint("DELETE", "/api/v1/spaces/{space}/agenda/reminders/{reminder}", Audience.SPACE, 204, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/prevention", Audience.SPACE, 200, (String) null),
            endpoint("PUT", "/api/v1/spaces/{space}/prevention/opt-out", Audience.SPACE, 200, "{\"optedOut\":true}"),
            endpoint("PUT", "/api/v1/spaces/{space}/prevention/consents/SCREENING", Audience.SPACE, 200, "{\"consent\":\"REFUSED\"}"),
            endpoint("GET", "/api/v1/spaces/{space}/notifications", Audience.SPACE, 200, (String) null),
            endpoint("PUT", "/api/v1/spaces/{space}/notifications/CANCER_SCREENING/PUSH", Audience.SPACE, 200, "{\"enabled\":false}"),
            endpoint("GET", "/api/v1/spaces/{space}/notification-centre", Audience.SPACE, 200, (String) null),
            // no such notification: the caller is let through and told so
            endpoint("POST", "/api/v1/spaces/{space}/notification-centre/" + UUID.randomUUID() + "/read", Audience.SPACE, 404,
                    (String) null),
            endpoint("POST", "/api/v1/spaces/{space}/devices", Audience.SPACE, 201, s -> "{\"token\":\"new-" + s.device() + "\"}"),
            endpoint("DELETE", "/api/v1/spaces/{space}/devices/{device}", Audience.SPACE, 204, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/traces", Audience.HOLDER, 200, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/recommendations", Audience.SPACE, 200, (String) null),
            endpoint("POST", "/api/v1/spaces/{space}/recommendations/" + UUID.randomUUID() + "/seen", Audience.SPACE, 404,
                    (String) null),
            // the prevention surfaces; an item that does not exist: the caller is let through and told so
            endpoint("GET", "/api/v1/spaces/{space}/feed", Audience.SPACE, 200, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/feed/" + UUID.randomUUID(), Audience.SPACE, 404, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/agenda/recommended/" + UUID.randomUUID(), Audience.SPACE, 404, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/profile/alerts?section=VACCINATIONS", Audience.SPACE, 200, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/profile/alerts/" + UUID.randomUUID(), Audience.SPACE, 404, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/messages", Audience.SPACE, 200, (String) null),
            endpoint("GET", "/api/v1/spaces/{space}/messages/" + UUID.randomUUID(), Audience.SPACE, 404, (String) null),
            // display-only: whoever may read the space is told a reply is impossible
            endpoint("POST", "/api/v1/spaces/{space}/messages/" + UUID.randomUUID() + "/replies", Audience.SPACE, 409,
                    "{\"text\":\"Merci\"}"),
            endpoint("POST", "/api/v1/spaces/{space}/activation", Audience.SPACE, 200, (String) null),
            endpoint("POST", "/api/v1/spaces/{space}/closure", Audience.SPACE, 200, "{\"deleteData\":false}"),
            endpoint("GET", "/api/v1/operator/citizens?externalId={externalId}", Audience.OPERATOR, 200, (String) null),
            endpoint("POST", "/api/v1/operator/citizens/{space}/account/close", Audience.OPERATOR, 200,
                    "{\"reason\":\"closure asked at the counter\"}"),
            endpoint("POST", "/api/v1/operator/citizens/{minor}/representatives", Audience.OPERATOR, 201,
                    "{\"representativeId\":\"parent-x\",\"kind\":\"LEGAL_REPRESENTATIVE\",\"reason\":\"birth certificate\"}"),
            endpoint("DELETE", "/api/v1/operator/citizens/{space}/representatives/{representative}", Audience.OPERATOR, 204, (String) null),
            endpoint("POST", "/api/v1/evaluations", Audience.TEST_BENCH, 200,
                    "{\"citizenId\":\"made-up\",\"citizen\":{\"birthDate\":\"1960-01-01\",\"sex\":\"F\"}}"),
            endpoint("GET", "/api/v1/sweeps", Audience.OPERATOR, 200, (String) null),
            endpoint("GET", "/api/v1/sweeps/{sweep}", Audience.OPERATOR, 200, (String) null),
            endpoint("POST", "/api/v1/sweeps", Audience.OPERATOR, 202, "{\"campaign\":\"vacc-hpv\"}"),
            endpoint("GET", "/api/v1/criteria", Audience.PUBLIC, 200, (String) null),
            endpoint("GET", "/actuator/health", Audience.PUBLIC, 200, (String) null),
            endpoint("GET", "/v3/api-docs", Audience.PUBLIC, 200, (String) null));

    /** A finished sweep, to read. */
    static volatile long sweep;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountLifecycle lifecycle;

    @BeforeEach
    void aSweepToRead() {
        if (sweep == 0) {
            sweep = context.getBean(Sweeps.class).start(SweepRequest.of("vacc-hpv", VigieApplicationTest.TODAY, "test")).id();
            noSweepRunning();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + caller, () -> check(endpoint, caller)));
            }
        }
        tests.add(DynamicTest.dynamicTest("POST /api/v1/spaces/{space}/reopening, for every caller", this::reopening));
        tests.add(DynamicTest.dynamicTest("POST /api/v1/ingestions, for every caller", this::ingestion));
        return tests.stream();
    }

    private void check(Endpoint endpoint, Caller caller) {
        SpaceFixture.Space space = new SpaceFixture(context).create();
        HttpResponse<String> response = api(space, caller).send(endpoint.method(), endpoint.path().apply(space),
                endpoint.body().apply(space));
        assertOutcome(response, endpoint.audience().allowed.contains(caller), caller, endpoint.success());
        noSweepRunning(); // a sweep started here is over before the next call reads its space
    }

    private void noSweepRunning() {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (context.getBean(Sweeps.class).latest(1).stream().anyMatch(s -> s.status() == SweepStatus.RUNNING)) {
            if (System.nanoTime() > deadline) throw new AssertionError("a sweep is still running");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Reopening needs a closed space. */
    private void reopening() {
        for (Caller caller : Caller.values()) {
            SpaceFixture.Space space = new SpaceFixture(context).create();
            lifecycle.close(Actor.holder(space.id()), space.id(), false, "set-up");
            HttpResponse<String> response = api(space, caller).post(space.path() + "/reopening", "");
            assertOutcome(response, Audience.SPACE.allowed.contains(caller), caller, 200);
        }
    }

    /** Ingestion takes JSON Lines. */
    private void ingestion() {
        for (Caller caller : Caller.values()) {
            SpaceFixture.Space space = new SpaceFixture(context).create();
            String line = "{\"citizenId\":\"ingested-" + UUID.randomUUID() + "\",\"citizen\":{\"birthDate\":\"1950-01-01\",\"sex\":\"M\"}}";
            HttpResponse<String> response = api(space, caller).post("/api/v1/ingestions", "application/x-ndjson", line);
            assertOutcome(response, Audience.INGESTION.allowed.contains(caller), caller, 200);
        }
    }

    private static void assertOutcome(HttpResponse<String> response, boolean allowed, Caller caller, int success) {
        if (allowed) {
            assertThat(response.statusCode()).as(caller + ": " + response.body()).isEqualTo(success);
            return;
        }
        assertThat(response.statusCode()).as(caller + ": " + response.body()).isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Api.json(response).get("status").asInt()).isEqualTo(response.statusCode());
    }

    private Api api(SpaceFixture.Space space, Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> Api.anonymous(port);
            case HOLDER -> space.holder(port);
            case REPRESENTATIVE -> space.representative(port);
            case OTHER_CITIZEN -> space.stranger(port);
            case COMMITTEE -> Api.as(port, "committee-member", Role.COMMITTEE);
            case ANALYST -> Api.as(port, "analyst", Role.ANALYST);
            case OPERATOR -> Api.as(port, "support-agent", Role.OPERATOR);
            case INGESTION -> Api.as(port, "dmp-feed", Role.INGESTION);
        };
    }
}
