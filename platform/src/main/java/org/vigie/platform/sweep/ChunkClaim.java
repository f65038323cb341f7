package org.vigie.platform.sweep;

import org.vigie.platform.citizen.CitizenRange;

/**
 * A worker's claim on a chunk. {@code claims} is the chunk's claim count when it was claimed: the
 * claim's token, so that a worker whose claim timed out and was taken over cannot check the chunk in.
 */
record ChunkClaim(long sweep, int chunk, String worker, int claims, CitizenRange range) {
}
