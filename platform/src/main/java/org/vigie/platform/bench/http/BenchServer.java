package org.vigie.platform.bench.http;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server under test: the packaged jar started as a process of its own (on embedded defaults, a
 * temporary database, the bench's JWT key trusted beside the development accounts), or one already
 * running at a URL. Closing stops the process it started, never the one it was given.
 */
final class BenchServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    final URI base;
    final boolean trustsBenchTokens;
    private final Process process;

    private BenchServer(URI base, boolean trustsBenchTokens, Process process) {
        this.base = base;
        this.trustsBenchTokens = trustsBenchTokens;
        this.process = process;
    }

    static BenchServer at(URI base) {
        return new BenchServer(base, false, null);
    }

    /**
     * Starts {@code java [jvmOptions] -jar jar} with the bench's settings then {@code settings}
     * (which win), logging to {@code log}, and waits for its health to be UP.
     */
    static BenchServer start(Path jar, List<String> jvmOptions, Path publicKey, List<String> settings, Path log, HttpClient http,
                             PrintStream progress) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--vigie.embedded-postgres.temporary=true",
                // nothing is sent meanwhile (deliveries are still planned): the dispatcher would take the cores measured
                "--vigie.delivery.jobs=false",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey));
        command.addAll(settings);
        progress.println("vigie bench http: starting " + String.join(" ", command) + " (log: " + log + ")");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchServer server = new BenchServer(URI.create("http://localhost:" + port), true, process);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!server.up(http)) {
            if (!process.isAlive()) throw new IllegalStateException("the server stopped while starting (exit " + process.exitValue() + "), see " + log);
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("the server was not UP within " + START_TIMEOUT.toSeconds() + " s, see " + log);
            }
            Thread.sleep(500);
        }
        return server;
    }

    boolean up(HttpClient http) throws InterruptedException {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** The process's id when the bench started it. */
    Long pid() {
        return process == null ? null : process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
