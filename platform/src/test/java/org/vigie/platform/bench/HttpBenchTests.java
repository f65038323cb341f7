package org.vigie.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.cli.Command;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code bench http} against a running server: what it prints, not how fast the machine is. */
@VigieApplicationTest
class HttpBenchTests {

    @LocalServerPort
    int port;

    @Test
    void benchHttpPrintsALinePerEndpointAndStepWithPercentilesAndErrors() throws Exception {
        Command bench = BenchCommand.command((synopsis, summary, action) -> Command.of(synopsis, summary, (a, i, o, e) -> 0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = bench.run(List.of("http", "--url", "http://localhost:" + port, "--auth", "basic", "--scenarios", "reads",
                        "--rates", "20", "--seconds", "1", "--connections", "2"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(l -> JsonMapper.shared().readTree(l)).toList();
        List<JsonNode> loads = lines.stream().filter(l -> l.get("figure").asString().equals("http_load")).toList();
        assertThat(loads).extracting(l -> l.get("mode").asString() + " " + l.get("endpoint").asString()).containsExactly(
                "fixed GET /api/v1/me", "fixed GET feed", "fixed GET agenda", "fixed GET recommendations",
                "max GET /api/v1/me", "max GET feed", "max GET agenda", "max GET recommendations");
        for (JsonNode load : loads) {
            assertThat(load.get("auth").asString()).isEqualTo("basic");
            assertThat(load.get("accepted").asLong()).isPositive();
            assertThat(load.get("errors").asLong()).isZero();
            assertThat(load.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(load.get("p50Ms").asDouble()).isPositive();
            assertThat(load.get("statuses").get("200").asLong()).isEqualTo(load.get("accepted").asLong());
        }
        assertThat(loads.get(0).get("targetRate").asInt()).isEqualTo(20);
        assertThat(lines.get(lines.size() - 1).get("figure").asString()).isEqualTo("http_bench");
    }
}
