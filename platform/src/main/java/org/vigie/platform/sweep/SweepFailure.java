package org.vigie.platform.sweep;

import java.time.Instant;
import org.vigie.platform.citizen.CitizenId;

/** A citizen a sweep could not sweep, in which chunk, and why: the rest of the chunk was swept without them. */
record SweepFailure(int chunk, CitizenId citizen, String cause, Instant at) {
}
