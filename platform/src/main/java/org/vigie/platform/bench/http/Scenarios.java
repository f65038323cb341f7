package org.vigie.platform.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.population.SyntheticPopulation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requests of each scenario, for a way to authenticate. */
final class Scenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http;
    private final BenchTokens tokens;
    private final List<String> snapshots;

    Scenarios(URI base, HttpClient http, BenchTokens tokens) {
        this.base = base;
        this.http = http;
        this.tokens = tokens;
        this.snapshots = new SyntheticPopulation(LocalDate.now(), 42).generate(1_000).stream()
                .map(s -> SnapshotJson.write(new Snapshot(s.citizenId(), null, s.citizen())))
                .toList();
    }

    List<Call> calls(String scenario, String auth) throws Exception {
        return switch (scenario) {
            case "evaluations" -> evaluations(authorization(auth, "committee", "COMMITTEE"));
            case "reads" -> reads(authorization(auth, "camille", "CITIZEN"));
            case "writes" -> writes(authorization(auth, "camille", "CITIZEN"));
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    private String authorization(String auth, String user, String role) {
        return auth.equals("jwt") ? tokens.bearer(user, role)
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private List<Call> evaluations(String authorization) {
        List<Call> calls = new ArrayList<>();
        for (String snapshot : snapshots) {
            calls.add(Call.of("POST /api/v1/evaluations", post("/api/v1/evaluations", snapshot, authorization)));
        }
        return calls;
    }

    private List<Call> reads(String authorization) throws Exception {
        String space = space(authorization);
        return List.of(
                Call.of("GET /api/v1/me", get("/api/v1/me", authorization)),
                Call.of("GET feed", get("/api/v1/spaces/" + space + "/feed", authorization)),
                Call.of("GET agenda", get("/api/v1/spaces/" + space + "/agenda", authorization)),
                Call.of("GET recommendations", get("/api/v1/spaces/" + space + "/recommendations", authorization)));
    }

    /** A vaccination added (re-evaluation follows, asynchronously), then removed through its Location. */
    private List<Call> writes(String authorization) throws Exception {
        String space = space(authorization);
        Call add = Call.of("POST facts (re-evaluates)", post("/api/v1/spaces/" + space + "/facts/vaccinations",
                "{\"vaccine\":\"DTP\",\"date\":\"" + LocalDate.now().minusYears(3) + "\"}", authorization));
        return List.of(add.andThen(response -> response.statusCode() != 201 ? Optional.empty()
                : response.headers().firstValue("Location").map(location -> Call.of("DELETE facts (re-evaluates)",
                () -> request(location, authorization).DELETE().build()))));
    }

    private String space(String authorization) throws Exception {
        HttpResponse<String> me = http.send(request("/api/v1/me", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (me.statusCode() != 200) throw new IllegalStateException("GET /api/v1/me answered " + me.statusCode() + ": " + me.body());
        JsonNode own = JSON.readTree(me.body()).get("own");
        if (own == null || own.isNull()) throw new IllegalStateException("the citizen has no space of her own: " + me.body());
        return own.get("id").asString();
    }

    private Supplier<HttpRequest> get(String path, String authorization) {
        HttpRequest request = request(path, authorization).GET().build();
        return () -> request;
    }

    private Supplier<HttpRequest> post(String path, String json, String authorization) {
        HttpRequest request = request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return () -> request;
    }

    private HttpRequest.Builder request(String path, String authorization) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(LoadGenerator.REQUEST_TIMEOUT).header("Authorization", authorization);
    }
}
