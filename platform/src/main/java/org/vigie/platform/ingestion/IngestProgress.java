package org.vigie.platform.ingestion;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * How far along {@code ingest --progress} is, on stderr, at most every few seconds and once at the
 * end: records and files done, bytes read of the total, rate, and the time left estimated from the
 * bytes still to read (unknown on stdin).
 */
final class IngestProgress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final int files;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long reported = start;
    private long bytes;
    private int filesDone;

    IngestProgress(PrintStream err, int files, long totalBytes) {
        this.err = err;
        this.files = files;
        this.totalBytes = totalBytes;
    }

    /** The input, counting the bytes read from it. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) bytes++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) bytes += n;
                return n;
            }
        };
    }

    /**
     * During the first pass of an NDJSON export (grouping resources by patient, nothing stored yet):
     * bytes read of the total and the time left for that pass, every few seconds.
     */
    void grouping() {
        long now = System.nanoTime();
        if (now - reported < EVERY_NANOS) return;
        reported = now;
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "vigie ingest: grouping resources by patient, %,d MB read in %.0f s",
                bytes / 1_000_000, seconds));
        if (totalBytes > 0 && bytes > 0) {
            line.append(String.format(Locale.ROOT, ", %.0f %% of %,d MB, about %.0f s left for this pass",
                    100.0 * Math.min(bytes, totalBytes) / totalBytes, totalBytes / 1_000_000, seconds * (totalBytes - bytes) / bytes));
        }
        err.println(line);
        err.flush();
    }

    /** Bytes done that were not read through {@link #counting}: the citizens of an NDJSON export as they are stored. */
    void advance(long done) {
        bytes += done;
    }

    void fileDone() {
        filesDone++;
    }

    void recordDone(IngestionSummary summary) {
        long now = System.nanoTime();
        if (now - reported >= EVERY_NANOS) {
            reported = now;
            report(now, summary, false);
        }
    }

    void done(IngestionSummary summary) {
        report(System.nanoTime(), summary, true);
    }

    private void report(long now, IngestionSummary summary, boolean done) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "vigie ingest: %,d records (%,d stored, %,d unchanged, %,d rejected)",
                summary.read(), summary.stored(), summary.unchanged(), summary.rejected()));
        if (files > 1) line.append(String.format(Locale.ROOT, ", %,d of %,d files", filesDone, files));
        line.append(String.format(Locale.ROOT, " in %.0f s, %,.1f records/s", seconds, summary.read() / seconds));
        if (totalBytes > 0) {
            line.append(String.format(Locale.ROOT, ", %.0f %% of %,d MB", 100.0 * Math.min(bytes, totalBytes) / totalBytes,
                    totalBytes / 1_000_000));
            if (!done && bytes > 0) {
                double left = seconds * (totalBytes - bytes) / bytes;
                line.append(String.format(Locale.ROOT, ", about %.0f s left", left));
            }
        }
        err.println(line);
        err.flush();
    }
}
