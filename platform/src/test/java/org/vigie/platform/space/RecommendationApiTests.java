package org.vigie.platform.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigie.platform.Api.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.recommendation.RecommendationStatus;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.platform.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations follow the citizen's data and choices as soon as they change (event-driven
 * re-evaluation), and the holder reads each with why they see it (P5).
 */
@VigieApplicationTest
class RecommendationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Recommendations recommendations;

    String external;
    CitizenId id;
    Api holder;
    String path;

    @BeforeEach
    void aWomanOf56() {
        external = "reco-" + UUID.randomUUID();
        id = new SpaceFixture(context).store(external, """
                {"birthDate":"1970-01-01","sex":"F","accountStatus":"ACTIVATED",
                 "conditions":[{"code":"J45.9","since":"2012-03-01","source":"PROFESSIONAL"}]}""");
        holder = Api.as(port, external, Role.CITIZEN);
        path = "/api/v1/spaces/" + id + "/recommendations";
        settled(r -> r.containsKey("SCREEN_BREAST"));
    }

    /** The re-evaluation runs after the change's commit, on its own thread: wait until its result shows. */
    private Map<String, JsonNode> settled(java.util.function.Predicate<Map<String, JsonNode>> done) {
        java.util.concurrent.atomic.AtomicReference<Map<String, JsonNode>> seen = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            seen.set(byKey(json(holder.get(path))));
            return done.test(seen.get());
        });
        return seen.get();
    }

    @Test
    void storedAtOnceWithWhyTheHolderSeesThem() {
        JsonNode breast = byKey(json(holder.get(path))).get("SCREEN_BREAST");

        assertThat(breast.get("status").asString()).isEqualTo("OPEN");
        assertThat(breast.get("rule").asString()).isEqualTo("BreastScreeningFirst");
        assertThat(breast.get("ruleSet").asString()).startsWith("default@");
        assertThat(breast.get("reasons").get(0).asString()).contains("50 et 74 ans");
        assertThat(breast.get("dataUsed").toString()).contains("IDENTITY");
        assertThat(byKey(json(holder.get(path)))).containsKeys("SCREEN_COLORECTAL", "SCREEN_CERVICAL");
    }

    @Test
    void anExclusionNowInTheFactsWithdrawsTheRecommendationEvenWhenItIsAnAct() {
        String before = byKey(json(holder.get(path))).get("SCREEN_CERVICAL").get("id").asString();

        // a hysterectomy ends cervical screening: it is no cervical screening done
        HttpResponse<String> added = holder.post("/api/v1/spaces/" + id + "/facts/acts", "{\"kind\":\"HYSTERECTOMY\",\"date\":\"2026-03-10\"}");
        assertThat(added.statusCode()).isEqualTo(201);

        settled(r -> !r.containsKey("SCREEN_CERVICAL") || !r.get("SCREEN_CERVICAL").get("status").asString().equals("OPEN"));
        assertThat(find(json(holder.get(path)), before).get("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aScreeningNowInTheFactsCompletesItsRecommendation() {
        String before = byKey(json(holder.get(path))).get("SCREEN_BREAST").get("id").asString();

        HttpResponse<String> added = holder.post("/api/v1/spaces/" + id + "/facts/acts", "{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2026-03-10\"}");
        assertThat(added.statusCode()).isEqualTo(201);

        settled(r -> !r.get("SCREEN_BREAST").get("status").asString().equals("OPEN"));
        JsonNode all = json(holder.get(path));
        JsonNode closed = find(all, before);
        assertThat(closed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(closed.get("closedAt").isNull()).isFalse();
        all.forEach(r -> {
            boolean activeBreast = r.get("key").asString().equals("SCREEN_BREAST") && !r.get("id").asString().equals(before)
                    && java.util.Set.of("OPEN", "NOTIFIED", "SEEN").contains(r.get("status").asString());
            // within two years of the mammography, nothing is due now
            if (activeBreast) assertThat(r.get("dueFrom").asString()).isGreaterThan("2026-03-16");
        });
    }

    @Test
    void optingOutWithdrawsThemAllAndTakingPartAgainReopensTheSameOnes() {
        Map<String, JsonNode> before = byKey(json(holder.get(path)));

        holder.put("/api/v1/spaces/" + id + "/prevention/opt-out", "{\"optedOut\":true}");
        settled(r -> r.values().stream().allMatch(x -> x.get("status").asString().equals("WITHDRAWN")));
        JsonNode out = json(holder.get(path));
        out.forEach(r -> assertThat(r.get("status").asString()).isEqualTo("WITHDRAWN"));

        holder.put("/api/v1/spaces/" + id + "/prevention/opt-out", "{\"optedOut\":false}");
        Map<String, JsonNode> again = settled(r -> r.get("SCREEN_BREAST").get("status").asString().equals("OPEN"));
        assertThat(again.get("SCREEN_BREAST").get("id").asString()).isEqualTo(before.get("SCREEN_BREAST").get("id").asString());
        assertThat(again.get("SCREEN_BREAST").get("status").asString()).isEqualTo("OPEN");
        assertThat(json(holder.get(path))).hasSize(before.size());
    }

    @Test
    void closingTheSpaceWithdrawsThem() {
        String breast = byKey(json(holder.get(path))).get("SCREEN_BREAST").get("id").asString();
        holder.post("/api/v1/spaces/" + id + "/closure", "{\"deleteData\":false}");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                recommendations.find(UUID.fromString(breast)).orElseThrow().status() == RecommendationStatus.WITHDRAWN);

        holder.post("/api/v1/spaces/" + id + "/reopening", "");
        // reopened: the same recommendation, open again
        settled(r -> r.get("SCREEN_BREAST").get("status").asString().equals("OPEN")
                && r.get("SCREEN_BREAST").get("id").asString().equals(breast));
    }

    @Test
    void readingOneMarksItSeenAndReadsAreTraced() {
        String breast = byKey(json(holder.get(path))).get("SCREEN_BREAST").get("id").asString();

        HttpResponse<String> seen = holder.post(path + "/" + breast + "/seen", "");

        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(json(seen).get("status").asString()).isEqualTo("SEEN");
        assertThat(holder.post(path + "/" + UUID.randomUUID() + "/seen", "").statusCode()).isEqualTo(404);
        assertThat(json(holder.get("/api/v1/spaces/" + id + "/traces")).toString()).contains("read recommendations", "recommendation seen",
                "re-evaluation: ");
    }

    @Test
    void anotherCitizensRecommendationCannotBeMarked() {
        String breast = byKey(json(holder.get(path))).get("SCREEN_BREAST").get("id").asString();
        String other = "reco-other-" + UUID.randomUUID();
        CitizenId otherSpace = new SpaceFixture(context).store(other, """
                {"birthDate":"1960-01-01","sex":"F","accountStatus":"ACTIVATED"}""");
        await().atMost(Duration.ofSeconds(10)).until(() -> !recommendations.of(Actor.operator("test"), otherSpace, "test").isEmpty());

        HttpResponse<String> response = Api.as(port, other, Role.CITIZEN)
                .post("/api/v1/spaces/" + otherSpace + "/recommendations/" + breast + "/seen", "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(byKey(json(holder.get(path))).get("SCREEN_BREAST").get("status").asString()).isEqualTo("OPEN");
    }

    private static Map<String, JsonNode> byKey(JsonNode recommendations) {
        Map<String, JsonNode> byKey = new HashMap<>();
        recommendations.forEach(r -> {
            if (!byKey.containsKey(r.get("key").asString())) byKey.put(r.get("key").asString(), r);
        });
        return byKey;
    }

    private static JsonNode find(JsonNode recommendations, String id) {
        for (JsonNode r : recommendations) if (r.get("id").asString().equals(id)) return r;
        throw new AssertionError("no recommendation " + id);
    }
}
