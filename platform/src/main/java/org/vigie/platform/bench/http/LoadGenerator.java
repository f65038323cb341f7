package org.vigie.platform.bench.http;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a scenario's calls round-robin, either at a fixed rate (an open model: requests leave on a
 * schedule whatever the server's pace, at most {@code maxInFlight} at once, latency counted from the
 * scheduled departure so that queueing shows) or as fast as {@code connections} callers can, each
 * waiting for its answer before the next request (a closed model: the maximum rate).
 */
final class LoadGenerator {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final PrintStream progress;

    LoadGenerator(HttpClient http, PrintStream progress) {
        this.http = http;
        this.progress = progress;
    }

    /** The outcome of one step: per endpoint, and how long it ran. */
    record Step(Map<String, Latencies> endpoints, double seconds) {
    }

    Step fixedRate(String label, List<Call> calls, double rate, Duration duration, int maxInFlight) throws InterruptedException {
        Map<String, Latencies> endpoints = endpoints(calls);
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong done = new AtomicLong();
        long interval = Math.max(1, Math.round(1e9 / rate));
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long nextReport = start + TimeUnit.SECONDS.toNanos(5);
        long due = start;
        long sent = 0;
        while (due < end) {
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(Math.min(due - now, 1_000_000));
                continue;
            }
            Call call = calls.get((int) (sent++ % calls.size()));
            if (inFlight.tryAcquire()) {
                send(call, due, endpoints, () -> {
                    inFlight.release();
                    done.incrementAndGet();
                });
            } else {
                of(endpoints, call.endpoint()).notSent();
                done.incrementAndGet();
            }
            due += interval;
            if (now >= nextReport) {
                report(label, done.get(), now - start);
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the last requests may still be answered: they count, within their time-out
        inFlight.tryAcquire(maxInFlight, REQUEST_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        report(label, done.get(), System.nanoTime() - start);
        return new Step(endpoints, seconds);
    }

    Step maxRate(String label, List<Call> calls, int connections, Duration duration) throws InterruptedException {
        Map<String, Latencies> endpoints = endpoints(calls);
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(connections);
        try {
            for (int c = 0; c < connections; c++) {
                callers.execute(() -> {
                    while (System.nanoTime() < end) {
                        Call call = calls.get((int) (next.getAndIncrement() % calls.size()));
                        sendAndWait(call, endpoints);
                        done.incrementAndGet();
                    }
                });
            }
            callers.shutdown();
            while (!callers.awaitTermination(5, TimeUnit.SECONDS)) report(label, done.get(), System.nanoTime() - start);
        } finally {
            callers.shutdownNow();
        }
        report(label, done.get(), System.nanoTime() - start);
        return new Step(endpoints, Math.min((System.nanoTime() - start) / 1e9, duration.toNanos() / 1e9 + 0.001));
    }

    private void send(Call call, long due, Map<String, Latencies> endpoints, Runnable finished) {
        http.sendAsync(call.request().get(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            Latencies latencies = of(endpoints, call.endpoint());
            if (failure != null) {
                latencies.failed();
                finished.run();
                return;
            }
            latencies.answered(response.statusCode(), System.nanoTime() - due);
            call.then().apply(response).ifPresentOrElse(
                    after -> send(after, System.nanoTime(), endpoints, finished), finished);
        });
    }

    private void sendAndWait(Call call, Map<String, Latencies> endpoints) {
        Call current = call;
        while (current != null) {
            Latencies latencies = of(endpoints, current.endpoint());
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(current.request().get(), HttpResponse.BodyHandlers.ofString());
                latencies.answered(response.statusCode(), System.nanoTime() - sent);
                current = current.then().apply(response).orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                latencies.failed();
                current = null;
            }
        }
    }

    private void report(String label, long done, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        progress.printf("vigie bench http: %s: %d requests in %.1f s, %.0f/s%n", label, done, seconds, done / Math.max(seconds, 1e-3));
        progress.flush();
    }

    /** A recorder per endpoint, follow-ups' included, in the order they first answer after the scenario's own. */
    private static Map<String, Latencies> endpoints(List<Call> calls) {
        Map<String, Latencies> endpoints = Collections.synchronizedMap(new LinkedHashMap<>());
        for (Call call : calls) endpoints.computeIfAbsent(call.endpoint(), e -> new Latencies());
        return endpoints;
    }

    private static Latencies of(Map<String, Latencies> endpoints, String endpoint) {
        return endpoints.computeIfAbsent(endpoint, e -> new Latencies());
    }
}
