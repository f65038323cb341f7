package org.vigie.platform.bench.http;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigie.platform.cli.BenchFigures;
import org.vigie.platform.cli.Options;

/**
 * {@code vigie.jar bench http …}: the HTTP API under load. Starts the packaged server as a process
 * (embedded defaults, a temporary database, a JWT key made for the run) unless {@code --url} names
 * one, then for each way to authenticate (development accounts over HTTP Basic, the production
 * path's JWTs) and each scenario — evaluations of made-up snapshots; a citizen's reads ({@code /me},
 * feed, agenda, recommendations); a citizen's writes (a fact added, which re-evaluates her, then
 * removed) — a warm-up, one step per fixed rate and one at the maximum rate; one JSON line per
 * endpoint and step on standard output, progress on standard error. {@code --overload} instead drives
 * the evaluations at twice the capacity just measured, then at half of it, and says whether the
 * server shed the excess and recovered by itself (exit status 2 when it did not).
 * A benchmark to run by hand on an otherwise idle machine, never a timed test.
 */
public final class HttpBench {

    public static final String USAGE = "bench http [--url URL] [--jar PATH] [--auth basic,jwt] [--scenarios evaluations,reads,writes]"
            + " [--rates R,R] [--seconds S] [--connections C] [--max-in-flight N] [--overload [--overload-seconds S]]"
            + " [--xmx SIZE] [--key=value server settings]";

    private static final List<String> SCENARIOS = List.of("evaluations", "reads", "writes");
    private static final Map<String, int[]> DEFAULT_RATES = Map.of(
            "evaluations", new int[]{250, 500, 1000},
            "reads", new int[]{125, 250, 500},
            "writes", new int[]{25, 50, 100});
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private HttpBench() {
    }

    private record Settings(Optional<URI> url, Optional<Path> jar, List<String> auths, List<String> scenarios,
                            Optional<int[]> rates, Duration step, int connections, int maxInFlight,
                            boolean overload, Duration overloadFor, Optional<String> xmx, List<String> serverSettings) {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Settings settings;
        try {
            settings = settings(args);
        } catch (Options.InvalidOptions e) {
            err.println(e.getMessage());
            return 1;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path work = Files.createTempDirectory("vigie-bench-http");
        BenchTokens tokens = new BenchTokens();
        try (BenchServer server = settings.url().isPresent() ? BenchServer.at(settings.url().get())
                : BenchServer.start(settings.jar().orElseThrow(), settings.xmx().map(x -> List.of("-Xmx" + x)).orElse(List.of()),
                tokens.writePublicKey(work), settings.serverSettings(), work.resolve("server.log"), http, err)) {
            if (settings.auths().contains("jwt") && !server.trustsBenchTokens) {
                err.println("bench http: --auth jwt needs the server the bench starts (it trusts the bench's key); with --url use --auth basic");
                return 1;
            }
            LoadGenerator generator = new LoadGenerator(http, err);
            Scenarios scenarios = new Scenarios(server.base, http, tokens);
            int status = settings.overload()
                    ? overload(settings, scenarios, generator, out)
                    : steps(settings, scenarios, generator, out);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("server", server.base.toString());
            summary.put("serverStartedByBench", server.pid() != null);
            summary.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            summary.put("loadAverageBefore", BenchFigures.round(loadBefore));
            summary.put("loadAverageAfter", BenchFigures.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            summary.put("java", System.getProperty("java.version"));
            BenchFigures.print(out, "http_bench", summary);
            return status;
        }
    }

    private static int steps(Settings settings, Scenarios scenarios, LoadGenerator generator, PrintStream out) throws Exception {
        for (String auth : settings.auths()) {
            for (String name : settings.scenarios()) {
                List<Call> calls = scenarios.calls(name, auth);
                generator.maxRate(name + " " + auth + " warm-up", calls, settings.connections(), WARM_UP);
                for (int rate : settings.rates().orElse(DEFAULT_RATES.get(name))) {
                    LoadGenerator.Step step = generator.fixedRate(name + " " + auth + " at " + rate + "/s", calls, rate,
                            settings.step(), settings.maxInFlight());
                    print(out, auth, name, "fixed", rate, step);
                }
                LoadGenerator.Step max = generator.maxRate(name + " " + auth + " max", calls, settings.connections(), settings.step());
                print(out, auth, name, "max", settings.connections(), max);
            }
        }
        return 0;
    }

    /** Twice the capacity just measured, then half of it: the excess shed, accepted requests' p99 bounded, and back to normal. */
    private static int overload(Settings settings, Scenarios scenarios, LoadGenerator generator, PrintStream out) throws Exception {
        String auth = settings.auths().get(0);
        String name = settings.scenarios().get(0);
        List<Call> calls = scenarios.calls(name, auth);
        // enough callers to keep every turn busy, not so many that the waiting room overflows
        int callers = Math.max(settings.connections(), CAPACITY_CALLERS);
        generator.maxRate(name + " warm-up", calls, callers, WARM_UP);
        LoadGenerator.Step max = generator.maxRate(name + " capacity", calls, callers, settings.step());
        print(out, auth, name, "max", callers, max);
        double capacity = accepted(max) / max.seconds();
        int twice = (int) Math.max(2, Math.round(2 * capacity));
        LoadGenerator.Step over = generator.fixedRate(name + " overload at " + twice + "/s", calls, twice, settings.overloadFor(),
                settings.maxInFlight());
        print(out, auth, name, "overload", twice, over);
        int half = (int) Math.max(1, Math.round(capacity / 2));
        LoadGenerator.Step after = generator.fixedRate(name + " recovery at " + half + "/s", calls, half, settings.step(),
                settings.maxInFlight());
        print(out, auth, name, "recovery", half, after);

        long recoveryErrors = after.endpoints().values().stream().mapToLong(Latencies::errors).sum();
        double recoveryP99 = after.endpoints().values().stream().mapToDouble(l -> l.millis(0.99)).max().orElse(0);
        double overloadP99 = over.endpoints().values().stream().mapToDouble(l -> l.millis(0.99)).max().orElse(0);
        long shed = over.endpoints().values().stream().mapToLong(Latencies::shed).sum();
        long failures = over.endpoints().values().stream().mapToLong(l -> l.errors() - l.shed()).sum();
        boolean recovered = recoveryErrors == 0 && recoveryP99 < OVERLOAD_P99_BOUND_MS;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("auth", auth);
        f.put("scenario", name);
        f.put("capacityPerSecond", Math.round(capacity));
        f.put("overloadRate", twice);
        f.put("overloadSeconds", settings.overloadFor().toSeconds());
        f.put("overloadAccepted", accepted(over));
        f.put("overloadShed", shed);
        f.put("overloadOtherErrors", failures);
        f.put("overloadAcceptedP99Ms", overloadP99);
        f.put("recoveryRate", half);
        f.put("recoveryErrors", recoveryErrors);
        f.put("recoveryP99Ms", recoveryP99);
        f.put("recovered", recovered);
        BenchFigures.print(out, "http_overload", f);
        return recovered ? 0 : 2;
    }

    /** Callers measuring the capacity before an overload: above the server's 16 turns, within its 64 waiting places. */
    static final int CAPACITY_CALLERS = 48;

    /** What "recovered" means at half the capacity: no refusal at all and a p99 under this. */
    static final double OVERLOAD_P99_BOUND_MS = 1_000;

    private static long accepted(LoadGenerator.Step step) {
        return step.endpoints().values().stream().mapToLong(Latencies::accepted).sum();
    }

    private static void print(PrintStream out, String auth, String scenario, String mode, int rateOrConnections,
                              LoadGenerator.Step step) {
        for (Map.Entry<String, Latencies> endpoint : step.endpoints().entrySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("auth", auth);
            f.put("scenario", scenario);
            f.put("endpoint", endpoint.getKey());
            f.put("mode", mode);
            f.put(mode.equals("max") ? "connections" : "targetRate", rateOrConnections);
            f.put("seconds", BenchFigures.round(step.seconds()));
            f.putAll(endpoint.getValue().figure(step.seconds()));
            BenchFigures.print(out, "http_load", f);
        }
    }

    private static Settings settings(List<String> args) {
        Options options = Options.parse("bench http", USAGE, args, Options.Accepted.values("--url", "--jar", "--auth", "--scenarios",
                "--rates", "--seconds", "--connections", "--max-in-flight", "--overload-seconds", "--xmx")
                .andFlags("--overload").andSpringSettings());
        Optional<URI> url = options.text("--url").map(u -> {
            try {
                URI uri = URI.create(u);
                if (uri.getScheme() == null || uri.getHost() == null) throw options.refused("--url: '" + u + "' is not an http URL");
                return uri;
            } catch (IllegalArgumentException e) {
                throw options.refused("--url: '" + u + "' is not an http URL");
            }
        });
        Optional<Path> jar = options.text("--jar").map(Path::of).or(HttpBench::runningJar);
        if (url.isEmpty() && (jar.isEmpty() || !Files.isRegularFile(jar.get()))) {
            throw options.refused("--jar: give the packaged vigie.jar to start (or --url of a running server)");
        }
        List<String> auths = list(options, "--auth", List.of("basic", "jwt"), List.of("basic", "jwt"));
        List<String> scenarios = list(options, "--scenarios", SCENARIOS, SCENARIOS);
        Optional<int[]> rates = options.text("--rates").map(r -> options.integers("--rates", null));
        rates.ifPresent(r -> {
            if (Arrays.stream(r).anyMatch(x -> x <= 0)) throw options.refused("--rates: every rate must be above 0");
        });
        int seconds = positive(options, "--seconds", 10);
        int connections = positive(options, "--connections", 16);
        int maxInFlight = positive(options, "--max-in-flight", 512);
        int overloadSeconds = positive(options, "--overload-seconds", 30);
        return new Settings(url, jar, auths, scenarios, rates, Duration.ofSeconds(seconds), connections, maxInFlight,
                options.flag("--overload"), Duration.ofSeconds(overloadSeconds), options.text("--xmx"), options.springSettings());
    }

    private static int positive(Options options, String name, int otherwise) {
        int value = options.integer(name, otherwise);
        if (value <= 0) throw options.refused(name + ": must be above 0");
        return value;
    }

    private static List<String> list(Options options, String name, List<String> allowed, List<String> otherwise) {
        List<String> values = options.text(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).toList()).orElse(otherwise);
        for (String v : values) {
            if (!allowed.contains(v)) throw options.refused(name + ": '" + v + "' is not one of " + String.join(", ", allowed));
        }
        return values;
    }

    /** The jar this process runs from ({@code java -jar vigie.jar bench http}): the server to start. */
    private static Optional<Path> runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        return classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator) ? Optional.of(Path.of(classPath)) : Optional.empty();
    }
}
