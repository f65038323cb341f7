package org.vigie.platform.citizen;

import java.time.Instant;

/** One change of the prevention opt-out, as kept in its history. */
public record OptOutChange(boolean optedOut, Instant at, String changedBy) {
}
