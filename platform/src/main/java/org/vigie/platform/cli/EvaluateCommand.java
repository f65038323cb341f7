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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.ContractDates;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.SnapshotJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evaluate [--on YYYY-MM-DD] [--time-travel] [--progress]}: reads snapshots as JSON Lines
 * from stdin and writes one decision per non-blank line to stdout, in input order. A line that
 * cannot be evaluated yields {@code {"line":N,"error":"<field>: <problem>"}} in its place (N counts
 * every physical line, blank ones included) and the others are still evaluated.
 *
 * <p>A snapshot's own {@code on} must lie within {@link ContractDates#REFERENCE_WINDOW_YEARS} years
 * of today unless {@code --time-travel} is given; a date given with {@code --on} is the caller's
 * explicit choice and needs only to be within the contract's range.
 *
 * <p>Input of any size is read and written as a stream: memory holds two batches of lines at most.
 * Batches are evaluated on the command's own threads. With {@code --progress}, how far along it is
 * goes to stderr every few seconds (never to stdout).
 *
 * <p>Exit status: 0 every line evaluated; 2 some lines rejected; 1 bad arguments, a rule base
 * that cannot be built, or an internal failure while evaluating some line (that line still gets
 * an error line, the others are still evaluated, and stderr names the line).
 */
public final class EvaluateCommand implements Command {

    private static final String SYNOPSIS = "evaluate [--on YYYY-MM-DD] [--time-travel] [--progress]";
    /** The longest line read: a snapshot is a few kilobytes, and a longer line is not held in memory. */
    static final int MAX_LINE_BYTES = 8 << 20;
    /** Lines evaluated together; a batch also ends whenever stdin has nothing more ready. */
    private static final int BATCH = 2048;
    /** A batch also ends at this many bytes of input, so that memory stays bounded whatever the lines' size. */
    private static final int BATCH_BYTES = 8 << 20;
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
                + "                   (any date from " + ContractDates.FIRST + " to " + ContractDates.LAST + ")\n"
                + "  --progress       report how many lines are done, and the rate, on stderr every few seconds\n\n"
                + "Exit status: 0 all lines evaluated, 2 some lines rejected, 1 failure.\n";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        LocalDate on = null;
        boolean progress = false;
        boolean timeTravel = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            if (arg.equals("--progress")) {
                progress = true;
                continue;
            } else if (arg.equals("--time-travel")) {
                timeTravel = true;
                continue;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.print(usage());
                out.flush();
                return ExitStatus.OK;
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
            return evaluate(rules, dates, progress, in, out, err);
        } catch (UncheckedIOException e) {
            err.println("vigie evaluate: cannot read stdin: " + e.getCause().getMessage());
            return ExitStatus.FAILURE;
        }
    }

    private int evaluate(RuleSet rules, Dates dates, boolean showProgress, InputStream in, PrintStream out,
                         PrintStream err) {
        Utf8Lines reader = new Utf8Lines(in, MAX_LINE_BYTES);
        // bytes go straight to the stream: decisions are UTF-8 whatever the platform's charset
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Progress progress = showProgress ? new Progress(err) : null;
        ForkJoinPool workers = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), EvaluateCommand::worker, null, false);
        // at most two batches in memory: one evaluated while the next is read, whatever the input's size
        Future<Batch> evaluating = null;
        List<Line> batch = new ArrayList<>();
        long batchBytes = 0;
        boolean rejected = false;
        boolean failed = false;
        int number = 0;
        byte[] line;
        try {
            while ((line = reader.nextBytes()) != null) {
                number++;
                batch.add(new Line(number, line));
                batchBytes += line.length;
                boolean idle = !reader.ready();
                if (batch.size() >= BATCH || batchBytes >= BATCH_BYTES || idle) {
                    if (evaluating != null) {
                        Batch done = join(evaluating);
                        rejected |= done.rejected();
                        failed |= done.failed();
                        if (!write(done, writer, out, err, progress)) return ExitStatus.FAILURE;
                    }
                    evaluating = submit(workers, rules, dates, batch);
                    batch = new ArrayList<>();
                    batchBytes = 0;
                    // evaluating while stdin is idle keeps the command usable interactively
                    if (idle) {
                        Batch done = join(evaluating);
                        evaluating = null;
                        rejected |= done.rejected();
                        failed |= done.failed();
                        if (!write(done, writer, out, err, progress)) return ExitStatus.FAILURE;
                    }
                }
            }
            if (evaluating != null) {
                Batch done = join(evaluating);
                rejected |= done.rejected();
                failed |= done.failed();
                if (!write(done, writer, out, err, progress)) return ExitStatus.FAILURE;
            }
            if (progress != null) progress.done();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workers.shutdownNow();
        }
        if (failed) return ExitStatus.FAILURE;
        return rejected ? ExitStatus.REJECTED : ExitStatus.OK;
    }

    /** Evaluates a batch on the command's own threads, never on the common pool. */
    private static Future<Batch> submit(ForkJoinPool workers, RuleSet rules, Dates dates, List<Line> lines) {
        Result[] results = new Result[lines.size()];
        IntStream indexes = IntStream.range(0, results.length);
        if (results.length >= PARALLEL_FROM) indexes = indexes.parallel();
        IntStream each = indexes;
        // a parallel stream run from a task of a pool runs in that pool
        return workers.submit(() -> {
            each.forEach(i -> results[i] = evaluate(rules, dates, lines.get(i)));
            return new Batch(Arrays.stream(results).filter(Objects::nonNull).toList());
        });
    }

    private static Batch join(Future<Batch> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A thread of the command's pool, with the application's class loader as its context class
     * loader, like the thread that started the command (a fork-join pool's threads get the system
     * class loader, which inside the Spring Boot jar sees neither the application nor Drools).
     */
    private static ForkJoinWorkerThread worker(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setContextClassLoader(EvaluateCommand.class.getClassLoader());
        thread.setName("evaluate-" + thread.getPoolIndex());
        return thread;
    }

    private static Result evaluate(RuleSet rules, Dates dates, Line line) {
        if (Utf8Lines.tooLong(line.bytes())) {
            return rejected(line.number(), "the line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        String text = Utf8Lines.decode(line.bytes());
        if (text == null) {
            return rejected(line.number(), "the line is not valid UTF-8");
        }
        if (line.number() == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) return null;
        try {
            Snapshot snapshot = SnapshotJson.read(text);
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
    private static boolean write(Batch batch, Writer writer, PrintStream out, PrintStream err, Progress progress) {
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
            if (progress != null) progress.written(batch.results().size());
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

    /** A line to evaluate, as read: it is decoded where it is evaluated. */
    private record Line(int number, byte[] bytes) {
    }

    /** The output for one non-blank line: its JSON, and the internal failure behind it if there was one. */
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

    /** How far along the command is, on stderr, at most every few seconds and once at the end. */
    private static final class Progress {

        private static final long EVERY_NANOS = 5_000_000_000L;

        private final PrintStream err;
        private final long start = System.nanoTime();
        private long reported = start;
        private long lines;

        Progress(PrintStream err) {
            this.err = err;
        }

        void written(int count) {
            lines += count;
            long now = System.nanoTime();
            if (now - reported >= EVERY_NANOS) {
                reported = now;
                report(now);
            }
        }

        void done() {
            report(System.nanoTime());
        }

        private void report(long now) {
            double seconds = Math.max((now - start) / 1e9, 1e-9);
            err.printf(Locale.ROOT, "vigie evaluate: %,d lines in %.0f s, %,d lines/s%n", lines, seconds, Math.round(lines / seconds));
        }
    }

    /** The contract's output for a line that cannot be evaluated. */
    record LineError(int line, String error) {
    }
}
