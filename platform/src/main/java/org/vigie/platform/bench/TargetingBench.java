package org.vigie.platform.bench;

import static org.vigie.platform.cli.BenchFigures.median;
import static org.vigie.platform.cli.BenchFigures.round;
import static org.vigie.platform.cli.BenchFigures.seconds;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Snapshot;
import org.vigie.platform.bench.targeting.Targeting.Screening;
import org.vigie.platform.bench.targeting.Targeting;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.BulkImport;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.cli.BenchFigures;
import org.vigie.platform.cli.Options;
import org.vigie.platform.evaluation.RuleSets;
import org.vigie.platform.population.SyntheticPopulation;

/**
 * {@code vigie.jar bench targeting}: the three screening campaigns targeted by hand-written SQL
 * ({@link Targeting}) against the engine over the same stored citizens, for the whole rule base —
 * once streaming the snapshots from the database as a sweep does, once over snapshots already in
 * memory — with the differences between their target sets (there must be none) and the ratio of
 * their times (issue 5's target: the engine in at most half the SQL time). One JSON line per figure,
 * medians over the rounds. Loads a generated population first unless the database holds that seed's
 * already. A benchmark to run by hand, never a timed test.
 */
final class TargetingBench {

    static final String USAGE = "bench targeting [--citizens N] [--seed S] [--on YYYY-MM-DD] [--rounds R] [--threads T]";
    static final String SUMMARY = "Targets the three screening campaigns by hand-written SQL and by the engine (every campaign) "
            + "over the stored citizens; compares target sets and times.";

    private static final LocalDate DEFAULT_ON = LocalDate.of(2026, 3, 16);
    private static final int CHUNK_SIZE = 1_000;

    /**
     * What a database team would give these queries, created for the run and said so in the output:
     * indexes the planner uses for them (the acts of a kind by date, the consents of a pathway, the
     * citizens by birth date) and more memory for their hashes and sorts than the default 4 MB, which
     * spills to disk at a million citizens. The production schema does not carry these indexes: no
     * query of the application needs them.
     */
    static final List<String> SQL_INDEXES = List.of(
            "create index if not exists bench_targeting_act_by_kind on act (kind, date)"
                    + " include (citizen_id, source, hidden_from_representatives)",
            "create index if not exists bench_targeting_consent_by_pathway on insurer_consent (pathway, citizen_id) include (consent)",
            "create index if not exists bench_targeting_citizen_by_birth_date on citizen (birth_date)"
                    + " include (id, sex, account_status, prevention_opt_out)");
    static final String SQL_WORK_MEM = "64MB";

    private TargetingBench() {
    }

    static int run(ApplicationContext context, List<String> args, InputStream in, PrintStream out, PrintStream err)
            throws Exception {
        int citizens;
        long seed;
        LocalDate on;
        int rounds;
        int threads;
        try {
            Options options = Options.parse("bench targeting", USAGE, args,
                    Options.Accepted.values("--citizens", "--seed", "--on", "--rounds", "--threads"));
            citizens = options.integer("--citizens", 100_000);
            seed = options.longInteger("--seed", 42);
            on = options.date("--on", DEFAULT_ON);
            rounds = options.integer("--rounds", 5);
            threads = options.integer("--threads", Runtime.getRuntime().availableProcessors());
            if (citizens < 1 || rounds < 1 || threads < 1) throw options.refused("--citizens, --rounds and --threads must be at least 1");
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return 1;
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        RuleSet rules = context.getBean(RuleSets.class).live();
        Targeting targeting = new Targeting(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        SqlTargeting sqlTargeting = campaign -> transaction.execute(status -> {
            jdbc.sql("set local work_mem = '" + SQL_WORK_MEM + "'").update();
            return targeting.targets(campaign, on);
        });
        EngineRuns engine = new EngineRuns(rules, new StoredSnapshots(context, "bench-targeting",
                "targeting benchmark: every campaign evaluated"), CHUNK_SIZE, threads, on);

        load(context, citizens, seed, on, out);
        long stored = jdbc.sql("select count(*) from citizen").query(Long.class).single();
        for (String index : SQL_INDEXES) jdbc.sql(index).update();
        jdbc.sql("vacuum analyze").update(); // fresh planner statistics, as autovacuum would give them in time
        BenchFigures.print(out, "database", database(jdbc, stored));

        long start = System.nanoTime();
        for (Screening campaign : Screening.values()) sqlTargeting.of(campaign);
        EngineRuns.Run warmStreamed = engine.streamedAndEvaluated((int) Math.max(1, Math.min(stored, 20_000) / CHUNK_SIZE));
        BenchFigures.print(out, "warm_up", ordered("sqlQueries", Screening.values().length, "citizensStreamedAndEvaluated",
                warmStreamed.citizens(), "seconds", round(seconds(start))));

        start = System.nanoTime();
        List<Snapshot> inMemory = engine.readAll();
        BenchFigures.print(out, "snapshots_read_into_memory", ordered("citizens", inMemory.size(), "seconds", round(seconds(start)),
                "heapUsedMiB", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
        engine.inMemory(inMemory); // warms the in-memory path up

        Map<Screening, double[]> sql = new EnumMap<>(Screening.class);
        Map<Screening, Set<CitizenId>> sqlTargets = new EnumMap<>(Screening.class);
        double[] sqlTotal = new double[rounds];
        List<EngineRuns.Run> streamed = new ArrayList<>();
        List<EngineRuns.Run> evaluated = new ArrayList<>();
        List<EngineRuns.Run> screeningOnly = new ArrayList<>();
        EngineRuns screening = engine.only(java.util.Arrays.stream(Screening.values()).map(Screening::campaign)
                .collect(java.util.stream.Collectors.toSet()));
        screening.inMemory(inMemory); // warms that path up
        for (int round = 0; round < rounds; round++) {
            for (Screening campaign : Screening.values()) {
                long t = System.nanoTime();
                sqlTargets.put(campaign, sqlTargeting.of(campaign));
                double s = seconds(t);
                sql.computeIfAbsent(campaign, c -> new double[rounds])[round] = s;
                sqlTotal[round] += s;
            }
            streamed.add(engine.streamedAndEvaluated(Integer.MAX_VALUE));
            evaluated.add(engine.inMemory(inMemory));
            screeningOnly.add(screening.inMemory(inMemory));
        }

        long targets = 0;
        for (Screening campaign : Screening.values()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("campaign", campaign.name());
            f.put("on", on.toString());
            f.put("targets", sqlTargets.get(campaign).size());
            f.putAll(spread(sql.get(campaign)));
            BenchFigures.print(out, "sql_targeting", f);
            targets += sqlTargets.get(campaign).size();
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("campaigns", Screening.values().length);
        total.put("targets", targets);
        total.putAll(spread(sqlTotal));
        total.put("note", "the three queries one after the other on one connection; PostgreSQL may add parallel workers to each");
        BenchFigures.print(out, "sql_targeting_total", total);
        double streamedSeconds = engineFigure(out, "engine_streamed_and_evaluated", streamed, stored,
                "snapshots read from the database chunk by chunk as a sweep reads them (one trace entry per citizen, P9), "
                        + "each evaluated for every campaign, nothing written back");
        double evaluatedSeconds = engineFigure(out, "engine_evaluated_in_memory", evaluated, stored,
                "the same snapshots already in memory, each evaluated for every campaign");
        double screeningSeconds = engineFigure(out, "engine_screening_campaigns_in_memory", screeningOnly, stored, "screening",
                "the same snapshots in memory, each evaluated for the three screening campaigns only (like for like with the SQL)");

        Map<String, Set<CitizenId>> engineTargets = engine.targets(inMemory);
        Map<String, Object> mismatches = new LinkedHashMap<>();
        long mismatched = 0;
        for (Screening campaign : Screening.values()) {
            Set<CitizenId> bySql = sqlTargets.get(campaign);
            Set<CitizenId> byEngine = engineTargets.getOrDefault(campaign.campaign(), Set.of());
            long sqlOnly = bySql.stream().filter(id -> !byEngine.contains(id)).count();
            long engineOnly = byEngine.stream().filter(id -> !bySql.contains(id)).count();
            mismatches.put(campaign.name(), ordered("sqlOnly", sqlOnly, "engineOnly", engineOnly));
            mismatched += sqlOnly + engineOnly;
        }
        mismatches.put("total", mismatched);
        BenchFigures.print(out, "target_set_mismatches", mismatches);

        double sqlMedian = median(sqlTotal);
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("engineStreamedAndEvaluatedToSql", round(streamedSeconds / sqlMedian));
        ratio.put("engineInMemoryToSql", round(evaluatedSeconds / sqlMedian));
        ratio.put("engineScreeningOnlyInMemoryToSql", round(screeningSeconds / sqlMedian));
        ratio.put("target", 0.5);
        ratio.put("streamedAndEvaluatedMeetsTarget", streamedSeconds / sqlMedian <= 0.5);
        ratio.put("inMemoryMeetsTarget", evaluatedSeconds / sqlMedian <= 0.5);
        ratio.put("engineCampaigns", rules.campaigns().size());
        ratio.put("sqlCampaigns", Screening.values().length);
        ratio.put("citizens", stored);
        ratio.put("threads", threads);
        ratio.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        ratio.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        ratio.put("java", System.getProperty("java.version"));
        ratio.put("loadAverage", loadAverage());
        BenchFigures.print(out, "engine_to_sql_ratio", ratio);
        return mismatched == 0 ? 0 : 2;
    }

    private static void load(ApplicationContext context, int citizens, long seed, LocalDate on, PrintStream out) {
        BulkImport bulk = context.getBean(BulkImport.class);
        long present = bulk.countByExternalIdPrefix(SyntheticPopulation.externalIdPrefix(seed));
        if (present > 0) {
            BenchFigures.print(out, "population_found", ordered("seed", seed, "citizens", present));
            return;
        }
        long start = System.nanoTime();
        BulkImport.Loaded loaded = bulk.load(Actor.ingestion("bench-targeting"), "targeting benchmark, seed " + seed, citizens,
                new SyntheticPopulation(on, seed)::space);
        BenchFigures.print(out, "population_loaded", ordered("seed", seed, "citizens", loaded.citizens(), "facts", loaded.facts(),
                "seconds", round(seconds(start))));
    }

    /** What the SQL runs on: rows, the indexes added for the run, and the PostgreSQL settings that matter to it. */
    private static Map<String, Object> database(JdbcClient jdbc, long stored) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("citizens", stored);
        for (String table : List.of("act", "condition", "family_history", "insurer_consent")) {
            f.put(table + "Rows", jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        f.put("indexesCreatedForThisRun", SQL_INDEXES);
        f.put("sqlWorkMem", SQL_WORK_MEM + " (set local in each query's transaction)");
        f.put("loadAverage", loadAverage());
        for (String setting : List.of("server_version", "shared_buffers", "work_mem", "max_parallel_workers_per_gather")) {
            f.put(setting, jdbc.sql("select current_setting('" + setting + "')").query(String.class).single());
        }
        return f;
    }

    /** The SQL side: one campaign's targets. */
    @FunctionalInterface
    private interface SqlTargeting {
        Set<CitizenId> of(Screening campaign);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) f.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return f;
    }

    /** The machine's load averages (1, 5, 15 minutes) as Linux reports them: other work on the machine skews every figure. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double engineFigure(PrintStream out, String name, List<EngineRuns.Run> runs, long stored, String what) {
        return engineFigure(out, name, runs, stored, "all", what);
    }

    private static double engineFigure(PrintStream out, String name, List<EngineRuns.Run> runs, long stored, String campaigns,
                                       String what) {
        double[] s = runs.stream().mapToDouble(EngineRuns.Run::seconds).toArray();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("citizens", runs.get(0).citizens());
        f.put("stored", stored);
        f.put("campaigns", campaigns);
        f.put("recommendations", runs.get(0).recommendations());
        f.put("refused", runs.get(0).refused());
        f.putAll(spread(s));
        f.put("citizensPerSecondMedian", Math.round(runs.get(0).citizens() / median(s)));
        f.put("threads", runs.get(0).threads());
        f.put("what", what);
        BenchFigures.print(out, name, f);
        return median(s);
    }

    private static Map<String, Object> spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rounds", sorted.length);
        f.put("secondsMedian", round(median(sorted)));
        f.put("secondsMin", round(sorted[0]));
        f.put("secondsMax", round(sorted[sorted.length - 1]));
        return f;
    }
}
