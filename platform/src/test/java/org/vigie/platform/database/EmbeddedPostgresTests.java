package org.vigie.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedPostgresTests {

    @TempDir
    Path directory;

    @Test
    void restartsOnItsDataAfterTheApplicationWasKilled() throws Exception {
        Path data = directory.resolve("postgres");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledApplication.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try {
            awaitReady(killed);
        } finally {
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: its PostgreSQL keeps running
        }
        ProcessHandle orphan = ProcessHandle.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0))).orElseThrow();

        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration()
                .embeddedPostgres(new EmbeddedPostgresSettings(data, false, 0))) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(JdbcClient.create(postgres.getPostgresDatabase()).sql("select text from note").query(String.class).single())
                    .isEqualTo("written before the kill");
        }
    }

    @Test
    void stepsAsideWhenADataSourceUrlIsConfigured() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/vigie")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(EmbeddedPostgres.class)
                        .doesNotHaveBean(DataSource.class));
    }

    private static void awaitReady(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) return;
            seen.append(line).append('\n');
        }
        throw new AssertionError("the application died before its database was ready:\n" + seen);
    }
}
