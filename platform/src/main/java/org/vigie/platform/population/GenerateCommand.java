package org.vigie.platform.population;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.BulkImport;
import org.vigie.platform.cli.Options;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vigie.jar generate --citizens N --seed S [--on YYYY-MM-DD]}: stores a synthetic population
 * in the database through {@code COPY}, then prints one JSON summary line. The external ids are
 * {@code synthetic-S-0 … synthetic-S-(N-1)}: a database that already holds citizens of the seed is
 * refused, so a second run never duplicates nor half-extends a population.
 */
public final class GenerateCommand {

    public static final String SYNOPSIS = "generate --citizens N --seed S [--on YYYY-MM-DD]";
    public static final String SUMMARY = "Fills the database with a synthetic French population (bulk COPY), deterministic per seed.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GenerateCommand() {
    }

    public static int run(ApplicationContext context, List<String> args, InputStream in, PrintStream out, PrintStream err) {
        int citizens;
        long seed;
        LocalDate on;
        try {
            Options options = Options.parse("generate", SYNOPSIS, args, Options.Accepted.values("--citizens", "--seed", "--on"));
            if (options.text("--citizens").isEmpty() || options.text("--seed").isEmpty()) {
                throw options.refused("--citizens and --seed are required");
            }
            citizens = options.integer("--citizens", 0);
            seed = options.longInteger("--seed", 0);
            on = options.date("--on", null);
            if (citizens < 0) throw options.refused("--citizens must not be negative");
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return 1;
        }
        BulkImport bulk = context.getBean(BulkImport.class);
        String prefix = SyntheticPopulation.externalIdPrefix(seed);
        long existing = bulk.countByExternalIdPrefix(prefix);
        if (existing > 0) {
            err.println("generate: the database already holds " + existing + " citizens generated with seed " + seed + " ("
                    + prefix + "0 …); nothing was written. Use another seed, or an empty database "
                    + "(--vigie.embedded-postgres.data-directory=... on a new directory, or --vigie.embedded-postgres.reset=true).");
            return 2;
        }
        LocalDate date = on != null ? on : LocalDate.now(context.getBean(Clock.class));
        SyntheticPopulation population = new SyntheticPopulation(date, seed);
        long start = System.nanoTime();
        BulkImport.Loaded loaded = bulk.load(Actor.ingestion("generate-seed-" + seed), "synthetic population, seed " + seed,
                citizens, population::space);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("citizens", loaded.citizens());
        summary.put("facts", loaded.facts());
        summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
        summary.put("citizensPerSecond", Math.round(loaded.citizens() / Math.max(seconds, 1e-9)));
        summary.put("factsPerSecond", Math.round(loaded.facts() / Math.max(seconds, 1e-9)));
        summary.put("seed", seed);
        summary.put("on", date.toString());
        out.println(JSON.writeValueAsString(summary));
        return 0;
    }

}
