package org.vigie.platform.ingestion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.cli.Command;
import org.vigie.platform.cli.ContextLauncher;
import org.vigie.platform.cli.ExitStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ingest [--format jsonl|fhir] [--progress] FILE|DIR}: stores the citizens of a file, or of
 * every {@code .json} and {@code .ndjson} file of a directory (a Synthea output, one Bundle per file),
 * in the configured database (the embedded one by default, so that a later server start finds them).
 * Prints one {@code {"line":N,"error":"..."}} per record not stored and one
 * {@code {"line":N,"warning":"..."}} per entry left out of a stored record (with {@code "file"} for a
 * directory), then the summary {@code {"read":..,"stored":..,"unchanged":..,"rejected":..}} with the
 * warnings and the skipped entries counted by resource type and code system. With {@code --progress},
 * how far along it is (records, files, bytes, rate, time left) goes to stderr every few seconds.
 *
 * <p>Exit status: 0 every record stored or unchanged; 2 some records rejected (the others stored);
 * 1 bad arguments, a missing file, or a failure (the records before it stay stored, each being its
 * own transaction; stderr says where it stopped). Arguments and the file are checked before the
 * application starts.
 */
public final class IngestCommand implements Command {

    private static final String SYNOPSIS = "ingest [--format jsonl|fhir|fhir-ndjson] [--progress] FILE|DIR";

    private final ContextLauncher launcher;

    /** Arguments are checked, and the file looked for, before the launcher boots anything. */
    public IngestCommand(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public String synopsis() {
        return SYNOPSIS;
    }

    @Override
    public String summary() {
        return "Stores citizens from snapshots (JSON Lines) or FHIR R4 Bundles into the database; idempotent.";
    }

    private static String usage() {
        return "Usage: java -jar vigie.jar " + SYNOPSIS + "\n\n"
                + "  --format jsonl  one contract snapshot per line, citizenId = external id (default)\n"
                + "  --format fhir   one FHIR R4 Bundle per line (NDJSON), or one Bundle in the whole file\n"
                + "  --format fhir-ndjson  FHIR Bulk Data export ($export): one resource per line, any type,\n"
                + "                  grouped into citizens by Patient reference (a DIR: every file is one export)\n"
                + "  --progress      report records done, rate and time left on stderr every few seconds\n"
                + "  FILE            the file to read; - for stdin\n"
                + "  DIR             every .json and .ndjson file of the directory, in name order\n\n"
                + "Database settings (e.g. --vigie.embedded-postgres.data-directory=...) go before FILE.\n"
                + "Exit status: 0 all stored or unchanged, 2 some records rejected, 1 failure.\n";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        IngestionFormat format = IngestionFormat.JSONL;
        String file = null;
        boolean progress = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (isSetting(arg)) continue;
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(usage());
                out.flush();
                return ExitStatus.OK;
            }
            String name = null;
            if (arg.equals("--progress")) {
                progress = true;
                continue;
            }
            if (arg.equals("--format")) {
                if (i + 1 >= args.size()) return badArguments(err, "--format needs jsonl, fhir or fhir-ndjson");
                name = args.get(++i);
            } else if (arg.startsWith("--format=")) {
                name = arg.substring("--format=".length());
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                return badArguments(err, "unknown option '" + arg + "'");
            } else if (file != null) {
                return badArguments(err, "one file only: unexpected '" + arg + "'");
            } else {
                file = arg;
            }
            if (name != null) {
                Optional<IngestionFormat> named = IngestionFormat.named(name);
                if (named.isEmpty()) return badArguments(err, "unknown format '" + name + "' (jsonl, fhir or fhir-ndjson)");
                format = named.get();
            }
        }
        if (file == null) return badArguments(err, "which file? (- for stdin)");
        if (!file.equals("-") && !Files.isRegularFile(Path.of(file)) && !Files.isDirectory(Path.of(file))) {
            err.println("vigie ingest: no such file: " + file);
            return ExitStatus.FAILURE;
        }
        if (!file.equals("-") && !Files.isReadable(Path.of(file))) {
            err.println("vigie ingest: cannot read " + file);
            return ExitStatus.FAILURE;
        }
        IngestionFormat chosen = format;
        String path = file;
        boolean showProgress = progress;
        List<String> forContext = new ArrayList<>(args);
        return launcher.launch(SYNOPSIS, summary(),
                (context, own, stdin, stdout, stderr) -> ingest(context, chosen, path, showProgress, stdin, stdout, stderr))
                .run(forContext, in, out, err);
    }

    /** Ingests a file with the running application: the whole command but its start-up. */
    static int ingest(ApplicationContext context, IngestionFormat format, String file, InputStream stdin,
                      PrintStream out, PrintStream err) throws IOException {
        return ingest(context, format, file, false, stdin, out, err);
    }

    static int ingest(ApplicationContext context, IngestionFormat format, String file, boolean showProgress,
                      InputStream stdin, PrintStream out, PrintStream err) throws IOException {
        Ingestion ingestion = context.getBean(Ingestion.class);
        Actor actor = Actor.ingestion("cli");
        boolean directory = !file.equals("-") && Files.isDirectory(Path.of(file));
        List<Path> files = directory ? inputsOf(Path.of(file)) : file.equals("-") ? List.of() : List.of(Path.of(file));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        IngestProgress progress = showProgress
                ? new IngestProgress(err, files.size(), files.stream().mapToLong(IngestCommand::size).sum()) : null;
        IngestionSummary[] summary = {IngestionSummary.NONE};
        int[] line = {0};
        String current = file;
        try {
            if (format == IngestionFormat.FHIR_NDJSON) {
                summary[0] = ingestExport(ingestion, file, directory, files, stdin, actor, writer, progress, err);
            } else if (file.equals("-")) {
                summary[0] = ingestStream(ingestion, format, stdin, actor, "stdin", null, writer, summary[0], line, progress);
            } else {
                for (Path path : files) {
                    current = path.toString();
                    String name = directory ? path.getFileName().toString() : null;
                    try (InputStream in = Files.newInputStream(path)) {
                        InputStream counted = progress == null ? in : progress.counting(in);
                        summary[0] = ingestStream(ingestion, format, counted, actor, "file " + path.getFileName(), name, writer,
                                summary[0], line, progress);
                    }
                    if (progress != null) progress.fileDone();
                }
            }
        } catch (RuntimeException e) {
            writer.flush();
            err.println("vigie ingest: failure on line " + line[0] + " of " + current + ", stopped there (records before it are stored; "
                    + JsonMapper.shared().writeValueAsString(summary[0]) + "): " + e);
            e.printStackTrace(err);
            return ExitStatus.FAILURE;
        }
        if (progress != null) progress.done(summary[0]);
        write(writer, summary[0]);
        writer.flush();
        return summary[0].rejected() > 0 ? ExitStatus.REJECTED : ExitStatus.OK;
    }

    /** A Bulk Data export: every file (or stdin) is one export, grouped by patient across files; see {@link FhirNdjson}. */
    private static IngestionSummary ingestExport(Ingestion ingestion, String file, boolean directory, List<Path> files, InputStream stdin,
                                                 Actor actor, Writer writer, IngestProgress grouping, PrintStream err) {
        List<FhirNdjson.Source> sources = file.equals("-")
                ? List.of(new FhirNdjson.Source(null, -1, () -> stdin))
                : files.stream().map(p -> new FhirNdjson.Source(directory ? p.getFileName().toString() : null, size(p),
                        () -> Files.newInputStream(p))).toList();
        Ingestion.Listener listener = new Ingestion.Listener() {
            @Override
            public void rejected(RejectedRecord record) {
                write(writer, record);
            }

            @Override
            public void warned(RecordWarning warning) {
                write(writer, warning);
            }
        };
        FhirNdjson.Progress progress = grouping == null ? FhirNdjson.Progress.NONE : new FhirNdjson.Progress() {
            private IngestProgress storing;

            @Override
            public InputStream grouping(InputStream in) {
                return new java.io.FilterInputStream(grouping.counting(in)) {
                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        grouping.grouping();
                        return n;
                    }

                    @Override
                    public void close() throws IOException {
                        super.close();
                        grouping.fileDone();
                    }
                };
            }

            @Override
            public void grouped(long resources, long spilledBytes) {
                err.printf(java.util.Locale.ROOT, "vigie ingest: %,d resources grouped by patient; storing citizens%n", resources);
                err.flush();
                storing = new IngestProgress(err, 1, spilledBytes);
            }

            @Override
            public void citizenDone(IngestionSummary summary, long bytes) {
                storing.advance(bytes);
                storing.recordDone(summary);
            }
        };
        return ingestion.ingestExport(sources, actor, file.equals("-") ? "stdin" : "file " + file, listener, progress);
    }

    private static IngestionSummary ingestStream(Ingestion ingestion, IngestionFormat format, InputStream in, Actor actor,
                                                 String source, String name, Writer writer, IngestionSummary start, int[] line,
                                                 IngestProgress progress) {
        IngestionSummary[] summary = {start};
        Ingestion.Listener listener = new Ingestion.Listener() {
            @Override
            public void rejected(RejectedRecord record) {
                write(writer, name == null ? record : record.in(name));
            }

            @Override
            public void warned(RecordWarning warning) {
                write(writer, name == null ? warning : warning.in(name));
            }
        };
        InputRecords.read(in, format, record -> {
            line[0] = record.line();
            summary[0] = summary[0].add(ingestion.ingest(format, record, actor, source, listener));
            if (progress != null) progress.recordDone(summary[0]);
        });
        return summary[0];
    }

    /** The .json and .ndjson files of a directory, in name order (not its subdirectories). */
    static List<Path> inputsOf(Path directory) throws IOException {
        try (var listing = Files.list(directory)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json") || p.getFileName().toString().endsWith(".ndjson"))
                    .sorted().toList();
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void write(Writer writer, Object json) {
        try {
            writer.write(JsonMapper.shared().writeValueAsString(json));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Spring setting for {@link ContextCommand}: {@code --dotted.name=value}. */
    private static boolean isSetting(String arg) {
        return arg.startsWith("--") && arg.contains("=") && arg.substring(2, arg.indexOf('=')).contains(".");
    }

    private static int badArguments(PrintStream err, String problem) {
        err.println("vigie ingest: " + problem);
        err.print(usage());
        return ExitStatus.FAILURE;
    }
}
