package org.vigie.platform.sweep;

/**
 * What became of a claimed chunk.
 *
 * @param result   DONE: checked in by this claim; FAILED: given up after too many attempts;
 *                 LOST: another worker took it over (this claim had timed out); RELEASED: the worker
 *                 stopped (shutdown) and gave it back
 * @param sweepStatus the sweep's status after this chunk (null unless DONE or FAILED)
 */
record ChunkOutcome(ChunkClaim claim, Result result, int evaluated, int skipped, int failed, int opened, int closed,
                           SweepStatus sweepStatus) {

    public enum Result { DONE, FAILED, LOST, RELEASED }

    static ChunkOutcome without(ChunkClaim claim, Result result) {
        return new ChunkOutcome(claim, result, 0, 0, 0, 0, 0, null);
    }
}
