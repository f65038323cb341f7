package org.vigie.platform.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.cli.Command;
import org.vigie.platform.cli.ExitStatus;
import org.vigie.platform.cli.Options;

/**
 * {@code vigie.jar snapshots --citizens N [--seed S] [--on YYYY-MM-DD]}: writes the synthetic
 * population of {@code generate} as contract snapshots, one JSON line each, on stdout — the input
 * of {@code evaluate} at any volume, without a database. Each snapshot carries its date.
 */
public final class SnapshotsCommand {

    public static final String SYNOPSIS = "snapshots --citizens N [--seed S] [--on YYYY-MM-DD]";
    public static final String SUMMARY = "Writes a synthetic population as snapshots (JSON Lines) on stdout, e.g. as input to evaluate.";

    private SnapshotsCommand() {
    }

    /** The command; today's date (the default {@code --on}) is read from the clock. */
    public static Command command(Clock clock) {
        return Command.of(SYNOPSIS, SUMMARY, (args, in, out, err) -> run(args, out, err, clock));
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Clock clock) throws IOException {
        int citizens;
        long seed;
        LocalDate on;
        try {
            Options options = Options.parse("snapshots", SYNOPSIS, args, Options.Accepted.values("--citizens", "--seed", "--on"));
            if (options.text("--citizens").isEmpty()) throw options.refused("--citizens is required");
            citizens = options.integer("--citizens", 0);
            seed = options.longInteger("--seed", 42);
            on = options.date("--on", LocalDate.now(clock));
            if (citizens < 0) throw options.refused("--citizens must not be negative");
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return ExitStatus.FAILURE;
        }
        SyntheticPopulation population = new SyntheticPopulation(on, seed);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (int i = 0; i < citizens; i++) {
            writer.write(SnapshotJson.write(population.citizen(i)));
            writer.write('\n');
        }
        writer.flush();
        if (out.checkError()) {
            err.println("snapshots: stdout is closed");
            return ExitStatus.FAILURE;
        }
        return ExitStatus.OK;
    }
}
