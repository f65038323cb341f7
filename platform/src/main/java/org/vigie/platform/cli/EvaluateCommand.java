package org.vigie.platform.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.ContractDates;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.SnapshotJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evaluate [--on YYYY-MM-DD] [--time-travel]}: reads snapshots as JSON Lines from stdin and
 * writes one decision per non-blank line to stdout, in input order. A line that cannot be
 * evaluated yields {@code {"line":N,"error":"<field>: <problem>"}} in its place (N counts every
 * physical line, blank ones included) and the others are still evaluated.
 *
 * <p>A snapshot's own {@code on} must lie within {@link ContractDates#REFERENCE_WINDOW_YEARS} years
 * of today unless {@code --time-travel} is given; a date given with {@code --on} is the caller's
 * explicit choice and needs only to be within the contract's range.
 *
 * <p>Exit status: 0 every line evaluated; 2 some lines rejected; 1 bad arguments, a rule base
 * that cannot be built, or an internal failure while evaluating some line (that line still gets
 * an error line, the others are still evaluated, and stderr names the line).
 */
public final class EvaluateCommand implements Command {

    private static final String SYNOPSIS = "evaluate [--on YYYY-MM-DD] [--time-travel]";
    /** The longest line read: a snapshot is a few kilobytes, and a longer line is not held in memory. */
    static final int MAX_LINE_BYTES = 8 << 20;
    /** Lines evaluated together; a batch also ends whenever stdin has nothing more ready. */
    private static final int BATCH = 2048;
    /** Below this, running a batch in parallel costs more than it saves. */
    private static final int PARALLEL_FROM = 32;

    private final Supplier<RuleSet> ruleSet;
    private final Clock clock;

    /**
     * @param ruleSet gives the rule set to evaluate with, once arguments are known to be valid
     * @param clock   gives today's date, the default reference date
     */
    public EvaluateCommand(Supplier<RuleSet> ruleSet, Clock clock) {
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    @Override
    public String synopsis() {
        return SYNOPSIS;
    }

    @Override
    public String summary() {
        return "Evaluates snapshots (JSON Lines on stdin), one decision per line on stdout.";
    }

    private static String usage() {
        return "Usage: java -jar vigie.jar " + SYNOPSIS + " < snapshots.jsonl > decisions.jsonl\n\n"
                + "  --on YYYY-MM-DD  reference date for snapshots without their own \"on\" (default: today)\n"
                + "  --time-travel    accept a snapshot's own \"on\" more than " + ContractDates.REFERENCE_WINDOW_YEARS
                + " years from today\n"
                + "                   (any date from " + ContractDates.FIRST + " to " + ContractDates.LAST + ")\n\n"
                + "Exit status: 0 all lines evaluated, 2 some lines rejected, 1 failure.\n";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        LocalDate on = null;
        boolean timeTravel = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(usage());
                out.flush();
                return ExitStatus.OK;
            } else if (arg.equals("--time-travel")) {
                timeTravel = true;
                continue;
            } else if (arg.equals("--on")) {
                if (i + 1 >= args.size()) return badArguments(err, "--on needs a date (YYYY-MM-DD)");
                value = args.get(++i);
            } else if (arg.startsWith("--on=")) {
                value = arg.substring("--on=".length());
            } else {
                return badArguments(err, arg.startsWith("-") ? "unknown option '" + arg + "'" : "unexpected argument '" + arg + "'");
            }
            if (on != null) return badArguments(err, "--on is given twice");
            on = ContractDates.parse(value);
            if (on == null) return badArguments(err, "--on '" + value + "' is not a valid date (YYYY-MM-DD)");
            String outOfRange = ContractDates.problem(on);
            if (outOfRange != null) return badArguments(err, "--on " + outOfRange);
        }
        LocalDate today = LocalDate.now(clock);
        Dates dates = new Dates(on != null ? on : today, today, timeTravel);

        RuleSet rules;
        try {
            rules = ruleSet.get();
        } catch (RuntimeException e) {
            err.println("vigie evaluate: the rule base cannot be built:");
            err.println(e.getMessage());
            return ExitStatus.FAILURE;
        }
        try {
            return evaluate(rules, dates, in, out, err);
        } catch (UncheckedIOException e) {
            err.println("vigie evaluate: cannot read stdin: " + e.getCause().getMessage());
            return ExitStatus.FAILURE;
        }
    }

    private int evaluate(RuleSet rules, Dates dates, InputStream in, PrintStream out, PrintStream err) {
        Utf8Lines reader = new Utf8Lines(in, MAX_LINE_BYTES);
        // bytes go straight to the stream: decisions are UTF-8 whatever the platform's charset
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        List<Line> batch = new ArrayList<>();
        boolean rejected = false;
        boolean failed = false;
        int number = 0;
        Utf8Lines.Line line;
        try {
            while ((line = reader.next()) != null) {
                number++;
                String text = line.text();
                if (number == 1 && text != null && text.startsWith("\uFEFF")) text = text.substring(1);
                if (text == null || !text.isBlank()) batch.add(new Line(number, text, line.tooLong()));
                // evaluating while stdin is idle keeps the command usable interactively
                if (batch.size() >= BATCH || !batch.isEmpty() && !reader.ready()) {
                    Batch done = evaluate(rules, dates, batch);
                    rejected |= done.rejected();
                    failed |= done.failed();
                    if (!write(done, writer, out, err)) return ExitStatus.FAILURE;
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (failed) return ExitStatus.FAILURE;
        return rejected ? ExitStatus.REJECTED : ExitStatus.OK;
    }

    private static Batch evaluate(RuleSet rules, Dates dates, List<Line> lines) {
        Result[] results = new Result[lines.size()];
        IntStream indexes = IntStream.range(0, results.length);
        if (results.length >= PARALLEL_FROM) indexes = indexes.parallel();
        indexes.forEach(i -> results[i] = evaluate(rules, dates, lines.get(i)));
        return new Batch(List.of(results));
    }

    private static Result evaluate(RuleSet rules, Dates dates, Line line) {
        if (line.tooLong()) {
            return rejected(line.number(), "the line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (line.text() == null) {
            return rejected(line.number(), "the line is not valid UTF-8");
        }
        try {
            Snapshot snapshot = SnapshotJson.read(line.text());
            if (snapshot.on() != null && !dates.timeTravel()) {
                ContractDates.checkReferenceDate("on", snapshot.on(), dates.today(), "add --time-travel");
            }
            return new Result(line.number(), SnapshotJson.write(rules.evaluate(snapshot, dates.defaultOn())), false, null);
        } catch (InvalidInputException e) {
            return rejected(line.number(), e.getMessage());
        } catch (RuntimeException e) {
            // a failure of ours on one snapshot (a rule that throws): this line's error, not the end of the run
            return new Result(line.number(), JsonMapper.shared().writeValueAsString(
                    new LineError(line.number(), "internal failure: " + e)), false, e);
        }
    }

    private static Result rejected(int line, String error) {
        return new Result(line, JsonMapper.shared().writeValueAsString(new LineError(line, error)), true, null);
    }

    /** Writes a batch in input order; false when it must stop (stdout closed). */
    private static boolean write(Batch batch, Writer writer, PrintStream out, PrintStream err) {
        try {
            for (Result result : batch.results()) {
                if (result.failure() != null) {
                    writer.flush();
                    err.println("vigie evaluate: internal failure on line " + result.line() + ": " + result.failure());
                    result.failure().printStackTrace(err);
                }
                writer.write(result.json());
                writer.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            err.println("vigie evaluate: cannot write stdout: " + e.getMessage());
            return false;
        }
        // PrintStream hides write errors: a closed stdout (e.g. "| head") must stop the work
        if (out.checkError()) {
            err.println("vigie evaluate: stdout is closed");
            return false;
        }
        return true;
    }

    private static int badArguments(PrintStream err, String problem) {
        err.println("vigie evaluate: " + problem);
        err.print(usage());
        return ExitStatus.FAILURE;
    }

    /** A line to evaluate; {@code text} is null when the line is not UTF-8 or too long. */
    private record Line(int number, String text, boolean tooLong) {
    }

    /** The output for one line: its JSON, and the internal failure behind it if there was one. */
    private record Result(int line, String json, boolean rejected, RuntimeException failure) {
    }

    private record Batch(List<Result> results) {
        boolean rejected() {
            return results.stream().anyMatch(Result::rejected);
        }

        boolean failed() {
            return results.stream().anyMatch(r -> r.failure() != null);
        }
    }

    /**
     * The dates of a run: the reference date of snapshots without their own, today (from the clock,
     * for the window of a snapshot's own date) and whether the caller asked for time travel.
     */
    private record Dates(LocalDate defaultOn, LocalDate today, boolean timeTravel) {
    }

    /** The contract's output for a line that cannot be evaluated. */
    record LineError(int line, String error) {
    }
}
