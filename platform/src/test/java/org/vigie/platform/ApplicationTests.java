package org.vigie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@VigieApplicationTest
class ApplicationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsHealthUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void migratesTheDatabaseWithFlyway() {
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null and publication_date < now() - interval '1 minute'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select version from flyway_schema_history order by installed_rank").query(String.class).list())
                .containsSubsequence("1", "2", "3", "4", "5", "6");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single()).isZero();
    }

    @Test
    void keepsTheEmbeddedDatabaseDurable() {
        // zonky turns fsync off by default; data kept across restarts must survive a crash
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void describesTheApiAndHowToAuthenticateInOpenApi() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        var description = JsonMapper.shared().readTree(response.body());
        assertThat(description.get("paths").has("/api/v1/evaluations")).isTrue();
        assertThat(description.get("paths").has("/api/v1/spaces/{space}/facts")).isTrue();
        assertThat(description.get("paths").has("/api/v1/operator/citizens")).isTrue();
        assertThat(description.get("components").get("securitySchemes").has("jwt")).isTrue();
        assertThat(description.get("components").get("securitySchemes").get("devAccount").get("scheme").asString()).isEqualTo("basic");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
