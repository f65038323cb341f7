package org.vigie.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.platform.Snapshots.line;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@VigieApplicationTest
class EvaluationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersWithTheDecision() throws Exception {
        HttpResponse<String> response = post(line("woman-born-1970-on-2026-03-16"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode decision = JsonMapper.shared().readTree(response.body());
        assertThat(decision.get("citizenId").asString()).isEqualTo("woman-1970-dated");
        assertThat(decision.get("on").asString()).isEqualTo("2026-03-16");
        assertThat(decision.get("ruleSet").asString()).isEqualTo(ruleSets.live().id());
        assertThat(decision.get("suppressed").isNull()).isTrue();
        assertThat(keys(decision)).contains("SCREEN_BREAST", "SCREEN_COLORECTAL");
    }

    @Test
    void answersExactlyAsTheCommandLineDoes() throws Exception {
        HttpResponse<String> response = post(line("woman-born-1970"));

        // the command line writes the same engine output, one line per snapshot; accents included
        assertThat(response.body()).isEqualTo(
                SnapshotJson.write(ruleSets.live().evaluate(SnapshotJson.read(line("woman-born-1970")), VigieApplicationTest.TODAY)));
    }

    @Test
    void readsAndWritesUtf8() throws Exception {
        JsonNode decision = JsonMapper.shared().readTree(post(line("accented-citizen-id")).body());

        assertThat(decision.get("citizenId").asString()).isEqualTo("Éloïse-Œ");
    }

    @Test
    void evaluatesOnTodayWhenTheSnapshotHasNoDate() throws Exception {
        JsonNode decision = JsonMapper.shared().readTree(post(line("woman-born-1970")).body());

        assertThat(decision.get("on").asString()).isEqualTo(VigieApplicationTest.TODAY.toString());
    }

    @Test
    void answersSuppressedCitizensWithoutRecommendations() throws Exception {
        JsonNode optedOut = JsonMapper.shared().readTree(post(line("woman-born-1970-opted-out")).body());
        JsonNode closed = JsonMapper.shared().readTree(post(line("woman-born-1970-account-closed")).body());

        assertThat(optedOut.get("suppressed").asString()).isEqualTo("OPT_OUT");
        assertThat(optedOut.get("recommendations").isEmpty()).isTrue();
        assertThat(closed.get("suppressed").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("recommendations").isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {
            "unknown-field,      citizen.preventionOptout, unknown field",
            "unknown-act-kind,   citizen.acts[1].kind,     unknown value 'MAMOGRAPHY'",
            "impossible-date,    citizen.birthDate,        '2026-02-30' is not a valid date",
            "missing-birth-date, citizen.birthDate,        is required",
            "born-2030,          citizen.birthDate,        is after the reference date 2026-03-16",
    })
    void rejectsABadSnapshotNamingTheField(String snapshot, String field, String problem) throws Exception {
        HttpResponse<String> response = post(line(snapshot));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("title").asString()).isEqualTo("Invalid snapshot");
        assertThat(body.get("field").asString()).isEqualTo(field);
        assertThat(body.get("detail").asString()).startsWith(field + ": " + problem);
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        HttpResponse<String> response = post(line("malformed"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonMapper.shared().readTree(response.body()).get("detail").asString()).contains("malformed");
    }

    @Test
    void rejectsAnEmptyBody() throws Exception {
        HttpResponse<String> response = post("");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void rejectsABodyThatIsNotUtf8InsteadOfReplacingItsBytes() throws Exception {
        byte[] latin1 = line("accented-citizen-id").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(""))
                .header("Content-Type", "application/json").header("Authorization", Api.basic("committee"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // refused at the edge (InputGuard) for every JSON body, before the endpoint decodes it strictly too
        assertThat(JsonMapper.shared().readTree(response.body()).get("detail").asString()).contains("not valid UTF-8");
    }

    @Test
    void rejectsALoneSurrogateNamingTheField() throws Exception {
        HttpResponse<String> response = post(line("woman-born-1970").replace("woman-1970", "woman-\\ud800"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("field").asString()).isEqualTo("citizenId");
        assertThat(body.get("detail").asString()).contains("lone surrogate");
    }

    @Test
    void refusesADateFarFromTodayUnlessAskedForTimeTravel() throws Exception {
        String far = line("woman-born-1970").replace("{\"citizenId\"", "{\"on\":\"2040-01-01\",\"citizenId\"");

        HttpResponse<String> refused = post(far);
        HttpResponse<String> travelling = http.send(HttpRequest.newBuilder(uri("?timeTravel=true"))
                .header("Content-Type", "application/json").header("Authorization", Api.basic("committee"))
                .POST(HttpRequest.BodyPublishers.ofString(far)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = JsonMapper.shared().readTree(refused.body());
        assertThat(problem.get("field").asString()).isEqualTo("on");
        assertThat(problem.get("detail").asString()).contains("more than 5 years from today").contains("timeTravel=true");
        assertThat(travelling.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(travelling.body()).get("on").asString()).isEqualTo("2040-01-01");
    }

    @Test
    void acceptsOnlyJson() throws Exception {
        HttpResponse<String> response = http.send(request("text/plain", line("woman-born-1970")), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void storesNothing() throws Exception {
        long events = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
        long traces = jdbc.sql("select count(*) from trace").query(Long.class).single();

        post(line("woman-born-1970"));

        assertThat(jdbc.sql("select count(*) from event_publication").query(Long.class).single()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from trace").query(Long.class).single()).isEqualTo(traces);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(request("application/json", body), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String query) {
        return URI.create("http://localhost:" + port + "/api/v1/evaluations" + query);
    }

    private HttpRequest request(String contentType, String body) {
        return HttpRequest.newBuilder(uri(""))
                .header("Content-Type", contentType)
                .header("Authorization", Api.basic("committee"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static List<String> keys(JsonNode decision) {
        List<String> keys = new ArrayList<>();
        decision.get("recommendations").forEach(r -> keys.add(r.get("key").asString()));
        return keys;
    }
}
