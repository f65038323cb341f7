package org.vigie.platform.sweep;

/**
 * Where a chunk is: waiting, claimed by a worker (or by one that died, until the claim times out),
 * done (its recommendations stored in the same transaction), or failed after too many attempts.
 */
enum ChunkStatus {
    PENDING, CLAIMED, DONE, FAILED
}
