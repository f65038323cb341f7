package org.vigie.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
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
                .embeddedPostgres(new EmbeddedPostgresSettings(data, false, false, 0))) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(JdbcClient.create(postgres.getPostgresDatabase()).sql("select text from note").query(String.class).single())
                    .isEqualTo("written before the kill");
        }
    }

    @Test
    void startsOnAnEmptyDatabaseWhenResetThenKeepsIt(CapturedOutput output) throws Exception {
        Path data = directory.resolve("postgres");
        try (EmbeddedPostgres postgres = start(data, true)) { // reset on a directory that does not exist yet
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            jdbc.sql("create table note (text varchar(100))").update();
            jdbc.sql("insert into note values ('written before the reset')").update();
        }

        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withPropertyValues("vigie.embedded-postgres.data-directory=" + data, "vigie.embedded-postgres.reset=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
                    assertThat(tables(jdbc)).isEmpty();
                    jdbc.sql("create table kept (text varchar(100))").update();
                });
        assertThat(output).contains("WARN").contains("Emptying the embedded PostgreSQL data directory " + data.toAbsolutePath());

        try (EmbeddedPostgres postgres = start(data, false)) {
            assertThat(tables(JdbcClient.create(postgres.getPostgresDatabase()))).containsExactly("kept");
        }
    }

    @Test
    void refusesToResetADirectoryThatIsNotAPostgresDataDirectory() throws Exception {
        Path mistyped = directory.resolve("documents");
        Files.createDirectories(mistyped);
        Path document = Files.writeString(mistyped.resolve("thesis.txt"), "years of work");

        assertThatThrownBy(() -> start(mistyped, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to empty " + mistyped.toAbsolutePath())
                .hasMessageContaining("PG_VERSION");
        assertThat(document).hasContent("years of work");
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

    private static EmbeddedPostgres start(Path data, boolean reset) throws Exception {
        return new EmbeddedPostgresConfiguration().embeddedPostgres(new EmbeddedPostgresSettings(data, false, reset, 0));
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' order by 1")
                .query(String.class).list();
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
