package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigie.platform.VigieApplication;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.population.SyntheticPopulation;

/**
 * PostgreSQL stopped and started again in the middle of a sweep, under a running application: the
 * workers wait for it, and the sweep finishes with every chunk checked in exactly once. The
 * application runs on a PostgreSQL of this test's own (a data directory kept across the restart),
 * as it would on a server's.
 */
class SweepRestartTests {

    private static final int CITIZENS = 12_000;

    @TempDir
    Path directory;

    @Test
    void aSweepFinishesAfterTheDatabaseRestartedInItsMiddleWithEveryChunkCheckedInOnce() throws Exception {
        Path data = directory.resolve("postgres");
        int port = freePort();
        EmbeddedPostgres postgres = start(data, port);
        try (ConfigurableApplicationContext app = application(port)) {
            SweepFixture fixture = new SweepFixture(app);
            SyntheticPopulation population = fixture.population(77, CITIZENS, SweepTests.TODAY);
            Sweeps sweeps = app.getBean(Sweeps.class);
            Sweep sweep = sweeps.start(SweepRequest.all(SweepTests.TODAY, "test").inChunksOf(50));
            awaitChunksDone(sweeps, sweep.id(), 10);

            postgres.close(); // fast shutdown: the transactions under way are cut
            Instant stopped = Instant.now();
            SweepFixture.pause(2_000);
            postgres = start(data, port);

            Sweep done = fixture.finished(sweep.id(), Duration.ofMinutes(3));
            assertThat(done.status()).isEqualTo(SweepStatus.DONE);
            assertThat(done.citizensEvaluated() + done.citizensSkipped()).isEqualTo(CITIZENS);
            List<SweepChunk> chunks = sweeps.chunks(sweep.id());
            assertThat(chunks).hasSize(CITIZENS / 50).allSatisfy(c -> assertThat(c.status()).isEqualTo(ChunkStatus.DONE));
            assertThat(chunks).filteredOn(c -> c.doneAt().isBefore(stopped)).as("done before the stop, kept").isNotEmpty();
            assertThat(chunks).filteredOn(c -> c.doneAt().isAfter(stopped)).as("done after the restart").isNotEmpty();
            long evaluated = 0;
            for (SweepChunk chunk : chunks) {
                assertThat(fixture.readsOf(sweep.id(), chunk.number())).as("chunk " + chunk.number() + " read once")
                        .isEqualTo(fixture.readable(chunk));
                evaluated += chunk.evaluated();
            }
            assertThat(evaluated).isEqualTo(done.citizensEvaluated());
            CitizenSpaces spaces = app.getBean(CitizenSpaces.class);
            List<CitizenId> sample = IntStream.range(0, CITIZENS).filter(i -> i % 97 == 0)
                    .mapToObj(i -> spaces.findByExternalId(population.externalId(i)).orElseThrow()).toList();
            fixture.assertStoredAsTheEngineDecides(sample, SweepTests.TODAY, java.util.Set.copyOf(sweeps.campaigns()));
        } finally {
            postgres.close();
        }
    }

    private static ConfigurableApplicationContext application(int port) {
        return new SpringApplicationBuilder(VigieApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run("--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.connection-timeout=2000",
                        "--vigie.scheduling.enabled=false",
                        "--vigie.sweeps.workers=2",
                        "--vigie.sweeps.poll-interval=200ms",
                        "--vigie.sweeps.max-backoff=1s");
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    private static void awaitChunksDone(Sweeps sweeps, long sweep, int chunks) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (sweeps.find(sweep).orElseThrow().chunksDone() < chunks) {
            if (System.nanoTime() > deadline) throw new AssertionError("fewer than " + chunks + " chunks done");
            SweepFixture.pause(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
