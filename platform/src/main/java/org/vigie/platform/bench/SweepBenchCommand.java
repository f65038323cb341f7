package org.vigie.platform.bench;

import static org.vigie.platform.cli.BenchFigures.round;
import static org.vigie.platform.cli.BenchFigures.seconds;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.BulkImport;
import org.vigie.platform.cli.BenchFigures;
import org.vigie.platform.cli.Options;
import org.vigie.platform.evaluation.RuleSets;
import org.vigie.platform.population.SyntheticPopulation;
import org.vigie.platform.sweep.Sweep;
import org.vigie.platform.sweep.SweepRequest;
import org.vigie.platform.sweep.SweepStatus;
import org.vigie.platform.sweep.Sweeps;

/**
 * {@code vigie.jar bench-sweep --citizens N}: loads a synthetic population (as {@code generate}
 * does, unless the database already holds it), then measures in the same run a sweep of every
 * campaign end to end — facts read in bulk, evaluated, recommendations reconciled and stored, by
 * this node's sweep workers — and the streaming of the same facts alone (the same bulk reads and
 * traces, nothing evaluated or written), with the same parallelism; one JSON line per figure, the
 * last being their ratio. A benchmark to run by hand on an empty database
 * ({@code --vigie.embedded-postgres.temporary=true}), never a timed test.
 */
public final class SweepBenchCommand {

    public static final String SYNOPSIS = "bench-sweep --citizens N [--seed S] [--chunk-size C] [--threads T] [--on YYYY-MM-DD]";
    public static final String SUMMARY = "Measures a sweep end to end against streaming the facts alone, on a generated population.";

    /** Nothing is sent meanwhile: the dispatcher would take the cores being measured. */
    public static final List<String> DEFAULTS = List.of("--vigie.delivery.jobs=false");

    private static final LocalDate DEFAULT_ON = LocalDate.of(2026, 3, 16);

    private SweepBenchCommand() {
    }

    public static int run(ApplicationContext context, List<String> args, InputStream in, PrintStream out, PrintStream err)
            throws Exception {
        int citizens;
        long seed;
        int chunkSize;
        int threads;
        LocalDate on;
        try {
            Options options = Options.parse("bench-sweep", SYNOPSIS, args,
                    Options.Accepted.values("--citizens", "--seed", "--chunk-size", "--threads", "--on"));
            citizens = options.integer("--citizens", 100_000);
            seed = options.longInteger("--seed", 42);
            chunkSize = options.integer("--chunk-size", 1_000);
            threads = options.integer("--threads", Runtime.getRuntime().availableProcessors());
            on = options.date("--on", DEFAULT_ON);
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return 1;
        }

        BulkImport bulk = context.getBean(BulkImport.class);
        String prefix = SyntheticPopulation.externalIdPrefix(seed);
        long start = System.nanoTime();
        if (bulk.countByExternalIdPrefix(prefix) == 0) {
            BulkImport.Loaded loaded = bulk.load(Actor.ingestion("bench-sweep"), "sweep benchmark, seed " + seed, citizens,
                    new SyntheticPopulation(on, seed)::space);
            BenchFigures.print(out, "population_loaded", Map.of("citizens", loaded.citizens(), "facts", loaded.facts(),
                    "seconds", round(seconds(start)), "citizensPerSecond", Math.round(loaded.citizens() / seconds(start))));
        }
        long stored = context.getBean(JdbcClient.class).sql("select count(*) from citizen").query(Long.class).single();
        vacuum(context);

        // the JIT warms up on the read path and on the engine before anything is measured
        int warmUpChunks = Math.max(1, (int) Math.min(stored / 10, 20_000) / chunkSize);
        Streamed warmUp = stream(context, chunkSize, threads, warmUpChunks, on);
        BenchFigures.print(out, "warm_up", Map.of("citizens", warmUp.citizens(), "seconds", round(warmUp.seconds())));

        Map<String, Object> first = sweep(context, on, chunkSize, stored);
        first.put("run", "first: every recommendation opened");
        BenchFigures.print(out, "sweep_end_to_end", first);
        vacuum(context);
        Map<String, Object> second = sweep(context, on, chunkSize, stored);
        second.put("run", "second: nothing to change");
        BenchFigures.print(out, "sweep_end_to_end", second);

        Streamed streamed = stream(context, chunkSize, threads, Integer.MAX_VALUE, null);
        double streamRate = streamed.citizens() / streamed.seconds();
        BenchFigures.print(out, "facts_streamed", streamed.figure(threads, chunkSize));
        // where the rest goes: the same reads, each snapshot evaluated, nothing written
        Streamed evaluated = stream(context, chunkSize, threads, Integer.MAX_VALUE, on);
        BenchFigures.print(out, "facts_streamed_and_evaluated", evaluated.figure(threads, chunkSize));

        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("citizens", stored);
        ratio.put("firstSweepToStreaming", round((double) first.get("citizensPerSecond") / streamRate));
        ratio.put("secondSweepToStreaming", round((double) second.get("citizensPerSecond") / streamRate));
        ratio.put("target", 0.5);
        ratio.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        ratio.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        ratio.put("java", System.getProperty("java.version"));
        BenchFigures.print(out, "sweep_to_streaming_ratio", ratio);
        return 0;
    }

    /** One sweep of every campaign through the workers of this node, timed from start to its last chunk. */
    private static Map<String, Object> sweep(ApplicationContext context, LocalDate on, int chunkSize, long stored) {
        Sweeps sweeps = context.getBean(Sweeps.class);
        long start = System.nanoTime();
        Sweep sweep = sweeps.start(SweepRequest.all(on, "bench").inChunksOf(chunkSize));
        while (sweep.status() == SweepStatus.RUNNING) {
            pause();
            sweep = sweeps.find(sweep.id()).orElseThrow();
        }
        double seconds = seconds(start);
        // the notifications of what opened are planned by an asynchronous listener, on the same cores:
        // the next measure must not pay for them
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) pause();
        double withPlanning = seconds(start);
        long swept = sweep.citizensEvaluated() + sweep.citizensSkipped() + sweep.citizensFailed();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sweep", sweep.id());
        f.put("status", sweep.status().name());
        f.put("citizens", swept);
        f.put("stored", stored);
        f.put("seconds", round(seconds));
        f.put("citizensPerSecond", (double) Math.round(swept / seconds));
        f.put("secondsUntilNotificationsPlanned", round(withPlanning));
        f.put("deliveriesQueued", jdbc.sql("select count(*) from delivery").query(Long.class).single());
        f.put("opened", sweep.opened());
        f.put("closed", sweep.closed());
        f.put("chunks", sweep.chunksTotal());
        f.put("chunkSize", chunkSize);
        return f;
    }

    private record Streamed(long citizens, double seconds) {

        Map<String, Object> figure(int threads, int chunkSize) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("citizens", citizens);
            f.put("seconds", round(seconds));
            f.put("citizensPerSecond", Math.round(citizens / seconds));
            f.put("threads", threads);
            f.put("chunkSize", chunkSize);
            return f;
        }
    }

    /**
     * Reads the snapshots of the first {@code chunks} ranges, as a sweep does, with {@code threads}
     * readers; evaluates each on {@code evaluateOn} unless it is null.
     */
    private static Streamed stream(ApplicationContext context, int chunkSize, int threads, int chunks, LocalDate evaluateOn)
            throws Exception {
        RuleSet rules = context.getBean(RuleSets.class).live();
        StoredSnapshots snapshots = new StoredSnapshots(context, "bench-sweep", "sweep benchmark: facts streamed alone");
        long start = System.nanoTime();
        long read = snapshots.read(chunkSize, threads, chunks, chunk -> {
            if (evaluateOn != null) chunk.forEach(snapshot -> rules.evaluate(snapshot, evaluateOn));
        });
        return new Streamed(read, seconds(start));
    }

    /** Fresh planner statistics after a load, as autovacuum would give them in time. */
    private static void vacuum(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("vacuum analyze").update();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
