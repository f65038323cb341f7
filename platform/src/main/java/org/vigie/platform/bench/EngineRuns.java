package org.vigie.platform.bench;

import static org.vigie.platform.cli.BenchFigures.seconds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.cli.BenchFigures;

/**
 * The engine evaluating stored citizens for every campaign of the rule set (or some) on one date,
 * with a number of threads: streamed from the database, or over snapshots already in memory.
 */
final class EngineRuns {

    /** One timed pass: citizens evaluated, recommendations made, snapshots refused (born after the date). */
    record Run(long citizens, long recommendations, long refused, int threads, double seconds) {
    }

    private final RuleSet rules;
    private final StoredSnapshots stored;
    private final int chunkSize;
    private final int threads;
    private final LocalDate on;
    /** The campaigns evaluated; null for every campaign of the rule set. */
    private final Set<String> campaigns;

    EngineRuns(RuleSet rules, StoredSnapshots stored, int chunkSize, int threads, LocalDate on) {
        this(rules, stored, chunkSize, threads, on, null);
    }

    private EngineRuns(RuleSet rules, StoredSnapshots stored, int chunkSize, int threads, LocalDate on, Set<String> campaigns) {
        this.rules = rules;
        this.stored = stored;
        this.chunkSize = chunkSize;
        this.threads = threads;
        this.on = on;
        this.campaigns = campaigns;
    }

    /** The same runs, evaluating only these campaigns (as a campaign's sweep does). */
    EngineRuns only(Set<String> campaignIds) {
        return new EngineRuns(rules, stored, chunkSize, threads, on, Set.copyOf(campaignIds));
    }

    /** Reads the first {@code chunks} chunks of stored citizens, each reader evaluating what it read. */
    Run streamedAndEvaluated(int chunks) throws Exception {
        AtomicLong recommendations = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long read = stored.read(chunkSize, threads, chunks, chunk -> {
            long made = 0;
            long failed = 0;
            for (Snapshot snapshot : chunk) {
                Decision decision = evaluate(snapshot);
                if (decision == null) failed++;
                else made += decision.recommendations().size();
            }
            recommendations.addAndGet(made);
            refused.addAndGet(failed);
        });
        return new Run(read, recommendations.get(), refused.get(), threads, seconds(start));
    }

    /** Every stored citizen's snapshot, read as a sweep reads them. */
    List<Snapshot> readAll() throws Exception {
        List<Snapshot> all = Collections.synchronizedList(new ArrayList<>());
        stored.read(chunkSize, threads, Integer.MAX_VALUE, all::addAll);
        return new ArrayList<>(all);
    }

    /** Evaluates the snapshots, each thread a contiguous slice of them. */
    Run inMemory(List<Snapshot> snapshots) throws Exception {
        return inMemory(snapshots, (snapshot, decision) -> { });
    }

    /** As {@link #inMemory(List)}, handing every decision to {@code each} on the evaluating thread. */
    private Run inMemory(List<Snapshot> snapshots, BiConsumer<Snapshot, Decision> each) throws Exception {
        int slice = (snapshots.size() + threads - 1) / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Snapshot> part = snapshots.subList(Math.min(t * slice, snapshots.size()),
                        Math.min((t + 1) * slice, snapshots.size()));
                parts.add(pool.submit(() -> {
                    long made = 0;
                    long failed = 0;
                    for (Snapshot snapshot : part) {
                        Decision decision = evaluate(snapshot);
                        if (decision == null) {
                            failed++;
                        } else {
                            made += decision.recommendations().size();
                            each.accept(snapshot, decision);
                        }
                    }
                    return new long[]{made, failed};
                }));
            }
            long made = 0;
            long failed = 0;
            for (Future<long[]> part : parts) {
                made += part.get()[0];
                failed += part.get()[1];
            }
            return new Run(snapshots.size(), made, failed, threads, seconds(start));
        } finally {
            pool.shutdown();
        }
    }

    /** Untimed: the citizens each campaign (by id) recommends something to. */
    Map<String, Set<CitizenId>> targets(List<Snapshot> snapshots) throws Exception {
        Map<String, Set<CitizenId>> targets = new ConcurrentHashMap<>();
        inMemory(snapshots, (snapshot, decision) -> decision.recommendations().forEach(r -> targets
                .computeIfAbsent(r.campaign(), c -> ConcurrentHashMap.newKeySet()).add(CitizenId.of(snapshot.citizenId()))));
        targets.replaceAll((campaign, ids) -> new HashSet<>(ids));
        return targets;
    }

    /** The decision, or null for a snapshot the engine refuses (a birth date after the reference date). */
    private Decision evaluate(Snapshot snapshot) {
        try {
            return campaigns == null ? rules.evaluate(snapshot, on) : rules.evaluate(snapshot, on, campaigns);
        } catch (InvalidInputException bornLater) {
            return null;
        }
    }
}
