package org.vigie.platform.citizen;

import java.time.Instant;

/** One entry of the trace: who, on whose behalf (the citizen whose space it is), when, what, why. */
public record Trace(Actor actor, CitizenId citizen, Instant at, String what, String why) {
}
