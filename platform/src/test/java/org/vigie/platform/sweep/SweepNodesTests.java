package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;

/**
 * Several nodes on one database: workers of other nodes are simulated by claiming and checking in
 * chunks through {@link SweepWork} under other names, alongside this node's own workers.
 */
@VigieApplicationTest
class SweepNodesTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Sweeps sweeps;

    @Autowired
    SweepWork work;

    @Autowired
    TestClock clock;

    SweepFixture fixture;

    @AfterEach
    void resetClockAndLeaveNothingRunning() {
        clock.reset();
        fixture().noneRunning();
    }

    private SweepFixture fixture() {
        if (fixture == null) fixture = new SweepFixture(context);
        return fixture;
    }

    @Test
    void nodesSharingASweepNeverCheckTheSameChunkInTwice() throws Exception {
        fixture().population(SweepTests.SEED, SweepTests.CITIZENS, SweepTests.TODAY);
        Sweep sweep = sweeps.start(SweepRequest.all(SweepTests.TODAY, "test").inChunksOf(60));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = nodes.submit(() -> drain("node-a"));
            Future<Integer> b = nodes.submit(() -> drain("node-b"));
            a.get();
            b.get();
        } finally {
            nodes.shutdown();
        }
        Sweep done = fixture().finished(sweep.id(), Duration.ofMinutes(1));

        assertThat(done.status()).isEqualTo(SweepStatus.DONE);
        List<SweepChunk> chunks = sweeps.chunks(sweep.id());
        assertThat(chunks).hasSize(done.chunksTotal()).hasSizeGreaterThan(40);
        long evaluated = 0;
        for (SweepChunk chunk : chunks) {
            assertThat(chunk.status()).isEqualTo(ChunkStatus.DONE);
            assertThat(chunk.claims()).as("chunk " + chunk.number() + " claimed once").isEqualTo(1);
            assertThat(fixture().readsOf(sweep.id(), chunk.number())).as("chunk " + chunk.number() + " read once")
                    .isEqualTo(fixture().readable(chunk));
            evaluated += chunk.evaluated();
        }
        assertThat(evaluated).isEqualTo(done.citizensEvaluated());
        assertThat(chunks).extracting(SweepChunk::claimedBy).contains("node-a", "node-b");
    }

    @Test
    void aChunkAbandonedByADeadNodeIsClaimedAgainOnceItsClaimTimedOutAndCheckedInOnce() {
        fixture().population(SweepTests.SEED, SweepTests.CITIZENS, SweepTests.TODAY);
        Sweep sweep = sweeps.start(SweepRequest.all(SweepTests.TODAY, "test").inChunksOf(100));
        ChunkClaim abandoned = work.claim("dead-node").orElseThrow(); // ... and the node dies

        assertThat(abandoned.sweep()).isEqualTo(sweep.id());
        awaitChunksDone(sweep.id(), sweep.chunksTotal() - 1);
        SweepFixture.pause(1_000); // five polls of the workers: nobody takes a claim that has not timed out
        assertThat(sweeps.find(sweep.id()).orElseThrow().status()).isEqualTo(SweepStatus.RUNNING);
        assertThat(chunk(sweep.id(), abandoned.chunk()).claimedBy()).isEqualTo("dead-node");

        clock.set(TestClock.START.plus(Duration.ofMinutes(11))); // past vigie.sweeps.claim-timeout (10 min)
        Sweep done = fixture().finished(sweep.id(), Duration.ofMinutes(1));

        assertThat(done.status()).isEqualTo(SweepStatus.DONE);
        SweepChunk reclaimed = chunk(sweep.id(), abandoned.chunk());
        assertThat(reclaimed.status()).isEqualTo(ChunkStatus.DONE);
        assertThat(reclaimed.claims()).isEqualTo(2);
        assertThat(reclaimed.claimedBy()).isNotEqualTo("dead-node");
        assertThat(fixture().readsOf(sweep.id(), abandoned.chunk())).isEqualTo(fixture().readable(reclaimed));
        // the dead node's claim cannot check the chunk in any more
        assertThat(work.process(abandoned).result()).isEqualTo(ChunkOutcome.Result.LOST);
        assertThat(fixture().readsOf(sweep.id(), abandoned.chunk())).isEqualTo(fixture().readable(reclaimed));
    }

    /** Claims and checks in chunks as a worker of another node, until there are none left. */
    private int drain(String node) {
        int done = 0;
        Optional<ChunkOutcome> outcome;
        while ((outcome = work.processNext(node)).isPresent()) {
            assertThat(outcome.get().result()).isEqualTo(ChunkOutcome.Result.DONE);
            done++;
        }
        return done;
    }

    private void awaitChunksDone(long sweep, int chunks) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (sweeps.find(sweep).orElseThrow().chunksDone() < chunks) {
            if (System.nanoTime() > deadline) throw new AssertionError("fewer than " + chunks + " chunks done");
            SweepFixture.pause(50);
        }
    }

    private SweepChunk chunk(long sweep, int number) {
        return sweeps.chunks(sweep).stream().filter(c -> c.number() == number).findFirst().orElseThrow();
    }
}
