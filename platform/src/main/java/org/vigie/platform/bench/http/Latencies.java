package org.vigie.platform.bench.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one endpoint answered during one step of the bench: the latency of every accepted (2xx)
 * response, measured from when the request was due to leave (so a late generator or a queue in the
 * server counts, not only the time on the wire), and a count per status, shed requests (429, 503)
 * and failures (no response) apart.
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int accepted;
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private long failures;
    private long notSent;

    synchronized void answered(int status, long latencyNanos) {
        statuses.merge(status, 1L, Long::sum);
        if (status < 200 || status >= 300) return;
        if (accepted == nanos.length) nanos = Arrays.copyOf(nanos, accepted * 2);
        nanos[accepted++] = latencyNanos;
    }

    /** No response: a connection refused or reset, a time-out. */
    synchronized void failed() {
        failures++;
    }

    /** Due, but the generator already had as many requests in flight as it allows: never sent, an error. */
    synchronized void notSent() {
        notSent++;
    }

    synchronized long accepted() {
        return accepted;
    }

    synchronized long shed() {
        return statuses.getOrDefault(429, 0L) + statuses.getOrDefault(503, 0L);
    }

    /** Every request that was due and not accepted: shed, refused, failed or never sent. */
    synchronized long errors() {
        long answered = statuses.values().stream().mapToLong(Long::longValue).sum();
        return answered - accepted + failures + notSent;
    }

    /** The latency at {@code quantile} (0.99) of accepted responses, in milliseconds; 0 when none. */
    synchronized double millis(double quantile) {
        if (accepted == 0) return 0;
        long[] sorted = Arrays.copyOf(nanos, accepted);
        Arrays.sort(sorted);
        int index = (int) Math.min(accepted - 1, Math.max(0, Math.ceil(quantile * accepted) - 1));
        return Math.round(sorted[index] / 10_000.0) / 100.0;
    }

    /** The figure's values: throughput over {@code seconds}, percentiles, errors and statuses. */
    synchronized Map<String, Object> figure(double seconds) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("accepted", accepted);
        f.put("throughput", Math.round(accepted / seconds * 10) / 10.0);
        f.put("p50Ms", millis(0.50));
        f.put("p99Ms", millis(0.99));
        f.put("p999Ms", millis(0.999));
        f.put("maxMs", millis(1.0));
        f.put("errors", errors());
        f.put("shed", shed());
        f.put("failures", failures);
        f.put("notSent", notSent);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        statuses.forEach((status, n) -> byStatus.put(String.valueOf(status), n));
        f.put("statuses", byStatus);
        return f;
    }
}
