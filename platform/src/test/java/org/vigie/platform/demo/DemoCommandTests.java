package org.vigie.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.platform.VigieApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The main job, one cycle: a population, a sweep of every campaign, e-mails, pushes and in-app notifications, a summary. */
class DemoCommandTests {

    @TempDir
    Path data;

    @Test
    void oneCycleGeneratesSweepsDeliversAndSummarisesOnItsLastLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DemoCommand.run(VigieApplication.class, List.of("--citizens", "400", "--seed", "3", "--once", "--server.port=0",
                        "--vigie.embedded-postgres.data-directory=" + data.resolve("pg")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("/swagger-ui.html"))
                .anySatisfy(l -> assertThat(l).contains("/demo/mail"));
        JsonNode summary = JsonMapper.shared().readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("citizens").asLong()).isEqualTo(403); // and the three development citizens
        assertThat(summary.get("evaluated").asLong()).isEqualTo(403);
        assertThat(summary.get("recommendations").get("SCREEN_COLORECTAL").asLong()).isPositive();
        // every key-age band has citizens of its ages among 400, none with a check-up in the band yet
        for (String band : List.of("KEY_AGE_CHECKUP_18_25", "KEY_AGE_CHECKUP_45_50", "KEY_AGE_CHECKUP_60_65", "KEY_AGE_CHECKUP_70_75")) {
            assertThat(summary.get("recommendations").path(band).asLong()).as(band + " in " + summary).isPositive();
        }
        assertThat(summary.get("deliveries").get("EMAIL").asLong()).isPositive();
        assertThat(summary.get("deliveries").get("PUSH").asLong()).isPositive();
        assertThat(summary.get("deliveries").get("IN_APP").asLong()).isPositive();
        assertThat(summary.get("failed").asLong()).isZero();
        assertThat(summary.get("seconds").asDouble()).isPositive();
    }

    @Test
    void refusesAnUnknownOptionWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DemoCommand.run(VigieApplication.class, List.of("--citizen", "10"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --citizen", "usage: demo");
    }
}
