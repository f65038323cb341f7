package org.vigie.platform.sweep;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sweep as stored, with its progress as of when it was read.
 *
 * @param campaigns      the campaign ids whose recommendations the sweep reconciles
 * @param allCampaigns   whether those are every campaign of the rule set
 * @param on             the reference date of every evaluation
 * @param requestedBy    {@code schedule} or {@code OPERATOR:<id>}
 * @param citizensPlanned citizens stored when it started; then those evaluated, skipped (space not
 *                       created yet) and failed (isolated: their own data failed the work), as chunks are done
 * @param opened         recommendations opened (or opened again) by the sweep
 * @param closed         recommendations closed by the sweep (completed, expired, withdrawn)
 */
public record Sweep(long id, List<String> campaigns, boolean allCampaigns, LocalDate on, String ruleSet, String requestedBy,
                    SweepStatus status, int chunkSize, int chunksTotal, int chunksDone, int chunksFailed,
                    long citizensPlanned, long citizensEvaluated, long citizensSkipped, long citizensFailed,
                    long opened, long closed, Instant startedAt, Instant updatedAt, Instant finishedAt, Progress progress) {

    public Sweep {
        campaigns = List.copyOf(campaigns);
    }

    /**
     * How far it is: chunks and citizens done out of their total, the rate since it started (null
     * while no time has passed), and the estimated time left (null when unknown, 0 when finished).
     */
    public record Progress(int chunksFinished, int chunksTotal, double percent, long citizensDone, long citizensTotal,
                           Double citizensPerSecond, Long etaSeconds) {
    }

    /** The progress at {@code now}: the rate is measured from the start to the end, or to now while running. */
    static Progress progress(SweepStatus status, int chunksTotal, int chunksFinished, long planned, long done, Instant startedAt,
                             Instant finishedAt, Instant now) {
        double percent = chunksTotal == 0 ? 100.0 : Math.floor(1000.0 * chunksFinished / chunksTotal) / 10.0;
        long total = status == SweepStatus.RUNNING ? Math.max(planned, done) : done;
        Instant end = finishedAt != null ? finishedAt : now;
        double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
        Double rate = seconds > 0 && done > 0 ? Math.round(done / seconds * 10) / 10.0 : null;
        Long eta;
        if (status != SweepStatus.RUNNING) {
            eta = 0L;
        } else if (chunksFinished > 0 && seconds > 0) {
            eta = Math.round(seconds * (chunksTotal - chunksFinished) / chunksFinished);
        } else {
            eta = null;
        }
        return new Progress(chunksFinished, chunksTotal, percent, done, total, rate, eta);
    }
}
