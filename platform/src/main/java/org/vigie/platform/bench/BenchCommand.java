package org.vigie.platform.bench;

import static org.vigie.platform.cli.BenchFigures.seconds;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.fact.Snapshot;
import org.vigie.platform.cli.BenchFigures;
import org.vigie.platform.cli.Command;
import org.vigie.platform.cli.ContextLauncher;
import org.vigie.platform.cli.Options;
import org.vigie.platform.bench.http.HttpBench;
import org.vigie.platform.population.SyntheticPopulation;

/**
 * {@code vigie.jar bench [--citizens N] [--rounds R] [--threads 1,2] [--on YYYY-MM-DD]}: in-memory evaluation
 * throughput of the shipped rule base over a synthetic population, one JSON line per figure on
 * standard output; {@code bench push …} measures push instead ({@link PushBench}), and
 * {@code bench targeting …} the engine against hand-written SQL on the database ({@link TargetingBench}).
 * A benchmark to run by hand, never a timed test.
 */
public final class BenchCommand {

    /** The synopsis of every form of the command, as the help shows it. */
    public static final String SYNOPSIS = "bench [--citizens N] [--rounds R] [--threads 1,2] [--on YYYY-MM-DD]"
            + " | bench push [--messages N] | " + HttpBench.USAGE + " | bench targeting [--citizens N] [--seed S] [--on YYYY-MM-DD] [--rounds R] [--threads T]";
    public static final String SUMMARY = "Measures evaluation throughput on a synthetic population (push: messages/s to a local FCM "
            + "endpoint; http: the HTTP API at fixed rates and at its maximum; targeting: the screening campaigns by hand-written SQL against the engine, on the database).";

    /** The {@code bench} command; {@code bench targeting} boots the application through the launcher. */
    public static Command command(ContextLauncher launcher) {
        Command targeting = launcher.launch(TargetingBench.USAGE, TargetingBench.SUMMARY, TargetingBench::run);
        return Command.of(SYNOPSIS, SUMMARY, (args, in, out, err) -> {
            if (!args.isEmpty() && args.get(0).equals("targeting")) {
                return targeting.run(args.subList(1, args.size()), in, out, err);
            }
            return run(args, out, err);
        });
    }

    /** Outside the flu and COVID-19 seasons by default; {@code --on 2025-11-15} measures in season. */
    private static final LocalDate DEFAULT_ON = LocalDate.of(2026, 3, 16);
    static final String USAGE = "bench [--citizens N] [--rounds R] [--threads 1,2] [--on YYYY-MM-DD]";

    private BenchCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty() && args.get(0).equals("push")) {
            return PushBench.run(args.subList(1, args.size()), out, err);
        }
        if (!args.isEmpty() && args.get(0).equals("http")) {
            return HttpBench.run(args.subList(1, args.size()), out, err);
        }
        int citizens;
        int rounds;
        int[] threads;
        LocalDate on;
        try {
            Options options = Options.parse("bench", USAGE + " | " + PushBench.USAGE + " | " + TargetingBench.USAGE, args,
                    Options.Accepted.values("--citizens", "--rounds", "--threads", "--on"));
            citizens = options.integer("--citizens", 100_000);
            rounds = options.integer("--rounds", 5);
            threads = options.integers("--threads", new int[]{1, 2});
            on = options.date("--on", DEFAULT_ON);
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return 1;
        }
        long start = System.nanoTime();
        try (RuleSet rules = RuleSetManifest.loadDefault()) {
            BenchFigures.print(out, "rule_set_build", Map.of("ruleSet", rules.id(), "seconds", seconds(start)));
            start = System.nanoTime();
            List<Snapshot> population = new SyntheticPopulation(on, 42).generate(citizens);
            BenchFigures.print(out, "population_generated", Map.of("citizens", citizens, "on", on.toString(), "seconds", seconds(start)));
            for (int t : threads) {
                measure(rules, population, on, t, rounds, out);
            }
        }
        return 0;
    }

    private static void measure(RuleSet rules, List<Snapshot> population, LocalDate on, int threads, int rounds, PrintStream out)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long recommendations = evaluateAll(rules, population, on, threads, pool); // warm-up round
            double[] rates = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                evaluateAll(rules, population, on, threads, pool);
                rates[round] = population.size() / seconds(start);
            }
            Arrays.sort(rates);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("threads", threads);
            f.put("on", on.toString());
            f.put("citizens", population.size());
            f.put("rounds", rounds);
            f.put("citizensPerSecondMedian", Math.round(rates[rounds / 2]));
            f.put("citizensPerSecondMin", Math.round(rates[0]));
            f.put("citizensPerSecondMax", Math.round(rates[rounds - 1]));
            f.put("recommendationsPerRound", recommendations);
            f.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            f.put("java", System.getProperty("java.version"));
            BenchFigures.print(out, "evaluation_throughput", f);
        } finally {
            pool.shutdown();
        }
    }

    private static long evaluateAll(RuleSet rules, List<Snapshot> population, LocalDate on, int threads, ExecutorService pool)
            throws Exception {
        int slice = (population.size() + threads - 1) / threads;
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Snapshot> part = population.subList(Math.min(t * slice, population.size()),
                    Math.min((t + 1) * slice, population.size()));
            parts.add(pool.submit(() -> {
                long n = 0;
                for (Snapshot s : part) {
                    Decision d = rules.evaluate(s, on);
                    n += d.recommendations().size();
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> part : parts) total += part.get();
        return total;
    }

}
