package org.vigie.platform.sweep;

import java.time.Instant;
import java.util.UUID;

/**
 * One chunk of a sweep: the citizens of {@code [fromId, toId)} in id order (null = open end).
 * {@code claims} counts how many times it was claimed (1 unless a claim was abandoned); the counts
 * are those of the transaction that marked it done.
 */
record SweepChunk(long sweep, int number, UUID fromId, UUID toId, int planned, ChunkStatus status, String claimedBy,
                         Instant claimedAt, int claims, Instant doneAt, Integer evaluated, Integer skipped, Integer failed,
                         Integer opened, Integer closed, String error) {
}
