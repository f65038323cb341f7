package org.vigie.platform.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every benchmark command reports: one JSON line per figure on standard output,
 * {@code {"figure": name, …values}}, flushed at once so that a long run shows its progress; and the
 * arithmetic they share.
 */
public final class BenchFigures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchFigures() {
    }

    public static void print(PrintStream out, String name, Map<String, Object> values) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("figure", name);
        line.putAll(values);
        out.println(JSON.writeValueAsString(line));
        out.flush();
    }

    /** Seconds elapsed since {@code startNanos} ({@link System#nanoTime()}). */
    public static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Three decimals: milliseconds for seconds. */
    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
