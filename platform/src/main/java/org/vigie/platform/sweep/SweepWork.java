package org.vigie.platform.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.database.LostDatabase;
import org.vigie.platform.evaluation.RuleSets;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.platform.recommendation.RecommendationsChanged;
import org.vigie.platform.recommendation.StoredEvaluation;

/**
 * The work of a sweep, one chunk at a time, as any worker of any node does it: claim a chunk
 * ({@link #claim}), then check it in ({@link #process}) — evaluate its citizens, in parallel, on the
 * version of the rule set the sweep started with ({@link StoredEvaluation}), reconcile their
 * recommendations for the sweep's campaigns and mark the chunk done, all in one transaction: the
 * checkpoint. A citizen whose own data fails the work (read,
 * evaluation or reconciliation) is isolated: left as stored, counted as failed and listed with the
 * cause ({@code sweep_failure}), while the rest of the chunk is swept. A lost database is waited for
 * (with back-off) on the same claim; any other failure is tried again a few times, then the chunk is
 * marked FAILED.
 */
@Component
class SweepWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SweepWork.class);

    private final SweepStore store;
    private final CitizenSpaces spaces;
    private final Recommendations recommendations;
    private final RuleSets ruleSets;
    private final StoredEvaluation evaluation;
    private final TransactionTemplate transaction;
    private final SweepSettings settings;
    private final SweepProgressLog progress;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ForkJoinPool pool;

    SweepWork(SweepStore store, CitizenSpaces spaces, Recommendations recommendations, RuleSets ruleSets, StoredEvaluation evaluation,
              PlatformTransactionManager transactions, SweepSettings settings, SweepProgressLog progress,
              ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.spaces = spaces;
        this.recommendations = recommendations;
        this.ruleSets = ruleSets;
        this.evaluation = evaluation;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.progress = progress;
        this.events = events;
        this.clock = clock;
        this.pool = new ForkJoinPool(settings.evaluationThreadCount(), SweepWork::evaluationThread, null, false);
    }

    /** Claims and checks in the next open chunk, if there is one. */
    public Optional<ChunkOutcome> processNext(String worker) {
        return claim(worker).map(this::process);
    }

    /**
     * Claims the next open chunk (of the oldest running sweep) for the worker: a pending one, or one
     * whose claim timed out. A chunk already claimed too many times is marked FAILED instead.
     */
    public Optional<ChunkClaim> claim(String worker) {
        while (true) {
            Instant now = clock.instant();
            Optional<ChunkClaim> claim = transaction.execute(s -> store.claim(worker, now, now.minus(settings.claimTimeout())));
            if (claim.isEmpty() || claim.get().claims() <= settings.maxAttempts()) return claim;
            fail(claim.get(), "claimed " + claim.get().claims() + " times without being checked in");
        }
    }

    /**
     * Checks a claimed chunk in. Waits out a lost database, trying again with back-off on the same
     * claim for as long as the thread is not interrupted (then the claim is given back).
     */
    public ChunkOutcome process(ChunkClaim claim) {
        int failures = 0;
        int attempt = 0;
        while (true) {
            try {
                ChunkOutcome outcome = transaction.execute(s -> checkIn(claim));
                progress.report(outcome);
                return outcome;
            } catch (RuntimeException e) {
                boolean lostDatabase = LostDatabase.causedBy(e);
                if (!lostDatabase && ++failures >= settings.maxAttempts()) {
                    log.error("Sweep {}, chunk {}: failed {} times, given up", claim.sweep(), claim.chunk(), failures, e);
                    return fail(claim, e.toString());
                }
                long wait = backoff(++attempt);
                log.warn("Sweep {}, chunk {} ({}): {}; trying again in {} ms", claim.sweep(), claim.chunk(), claim.worker(),
                        lostDatabase ? "database unreachable (" + e.getMessage() + ")" : "failed (" + e + ")", wait);
                if (!pause(wait)) {
                    release(claim);
                    return ChunkOutcome.without(claim, ChunkOutcome.Result.RELEASED);
                }
            }
        }
    }

    private ChunkOutcome checkIn(ChunkClaim claim) {
        switch (store.lock(claim)) {
            case LOST -> {
                log.warn("Sweep {}, chunk {}: the claim of {} timed out and was taken over; left to the other worker",
                        claim.sweep(), claim.chunk(), claim.worker());
                return ChunkOutcome.without(claim, ChunkOutcome.Result.LOST);
            }
            case CHECKED_IN -> {
                SweepStore.Counts c = store.counts(claim);
                SweepStatus status = store.find(claim.sweep()).orElseThrow().status();
                return new ChunkOutcome(claim, ChunkOutcome.Result.DONE, c.evaluated(), c.skipped(), c.failed(), c.opened(),
                        c.closed(), status);
            }
            case HELD -> {
                // the chunk's row stays locked until commit: nobody else can claim it meanwhile
            }
        }
        SweepStore.SweepRow sweep = store.find(claim.sweep()).orElseThrow();
        // the version the sweep started with, whatever is in force now: a sweep runs wholly on one version
        RuleSet rules = ruleSets.require(sweep.ruleSet());
        List<CitizenId> ids = spaces.citizensIn(claim.range());
        Set<String> campaigns = Set.copyOf(sweep.campaigns());
        StoredEvaluation.Result result = evaluation.evaluate(rules, ids, sweep.on(), campaigns,
                "campaign sweep " + claim.sweep() + ", chunk " + claim.chunk(), pool);
        List<CitizenFailure> failures = new ArrayList<>();
        result.failures().forEach(f -> failures.add(new CitizenFailure(f.citizen(), f.cause())));
        RecommendationsChanged changed = recommendations.reconcileIsolating(result.evaluated(), campaigns,
                (citizen, e) -> failures.add(new CitizenFailure(citizen, "reconciliation: " + StoredEvaluation.Failure.causeOf(e))));
        int unreconciled = failures.size() - result.failures().size();
        SweepStore.Counts counts = new SweepStore.Counts(result.evaluated().size() - unreconciled, result.skipped(),
                failures.size(), changed.opened().size(), changed.closed().size());
        Instant now = clock.instant();
        if (!failures.isEmpty()) {
            log.warn("Sweep {}, chunk {}: {} citizens isolated, the rest swept (first: {})", claim.sweep(), claim.chunk(),
                    failures.size(), failures.get(0));
            store.recordFailures(claim, failures, now);
        }
        store.markDone(claim, counts, now);
        SweepStore.SweepRow after = store.addChunk(claim.sweep(), false, counts, now);
        finished(after, now);
        return new ChunkOutcome(claim, ChunkOutcome.Result.DONE, counts.evaluated(), counts.skipped(), counts.failed(),
                counts.opened(), counts.closed(), after.status());
    }

    /** A citizen a chunk could not sweep, and why: their stored data and recommendations are left as they are. */
    record CitizenFailure(CitizenId citizen, String cause) {

        CitizenFailure {
            // the cause may quote the very value at fault: keep it storable and short
            cause = cause.replace('\u0000', '?');
            if (cause.length() > 1_000) cause = cause.substring(0, 1_000) + "…";
        }
    }

    /** Marks the chunk FAILED and counts it in its sweep, if the claim still holds it. */
    private ChunkOutcome fail(ChunkClaim claim, String error) {
        while (true) {
            try {
                ChunkOutcome outcome = transaction.execute(s -> {
                    if (store.lock(claim) != SweepStore.Hold.HELD) return ChunkOutcome.without(claim, ChunkOutcome.Result.LOST);
                    Instant now = clock.instant();
                    store.markFailed(claim, error, now);
                    SweepStore.SweepRow after = store.addChunk(claim.sweep(), true, new SweepStore.Counts(0, 0, 0, 0, 0), now);
                    finished(after, now);
                    return new ChunkOutcome(claim, ChunkOutcome.Result.FAILED, 0, 0, 0, 0, 0, after.status());
                });
                log.error("Sweep {}, chunk {}: FAILED ({})", claim.sweep(), claim.chunk(), error);
                progress.report(outcome);
                return outcome;
            } catch (RuntimeException e) {
                if (!LostDatabase.causedBy(e) || !pause(settings.maxBackoff().toMillis())) throw e;
            }
        }
    }

    private void finished(SweepStore.SweepRow sweep, Instant now) {
        if (sweep.status() == SweepStatus.RUNNING) return;
        events.publishEvent(new SweepFinished(sweep.id(), sweep.campaigns(), sweep.on(), sweep.status(), sweep.citizensEvaluated(),
                sweep.opened(), sweep.closed(), now));
    }

    private void release(ChunkClaim claim) {
        boolean interrupted = Thread.interrupted(); // else the pool refuses to lend a connection
        try {
            if (Boolean.TRUE.equals(transaction.execute(s -> store.release(claim)))) {
                log.info("Sweep {}, chunk {}: given back by {}", claim.sweep(), claim.chunk(), claim.worker());
            }
        } catch (RuntimeException e) {
            log.warn("Sweep {}, chunk {}: could not be given back ({}); it will be claimed again after {}", claim.sweep(),
                    claim.chunk(), e.getMessage(), settings.claimTimeout());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Exponential, from 100 ms up to {@code max-backoff}, with jitter so that workers do not retry in step. */
    private long backoff(int attempt) {
        long max = settings.maxBackoff().toMillis();
        long base = Math.min(max, 100L << Math.min(attempt - 1, 20));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    /** Waits; false when the thread was interrupted (the worker is stopping). */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A thread of the evaluation pool. Its context class loader is the application's: a pool's
     * threads get the system class loader by default, and the engine (Drools) loads classes through
     * the context class loader, which inside the fat jar only the application's can.
     */
    private static ForkJoinWorkerThread evaluationThread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setContextClassLoader(SweepWork.class.getClassLoader());
        thread.setName("sweep-evaluation-" + thread.getPoolIndex());
        return thread;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
