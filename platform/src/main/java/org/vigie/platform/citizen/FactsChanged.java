package org.vigie.platform.citizen;

import java.time.Instant;

/** Some facts of a citizen changed (added, replaced or removed): the citizen is worth re-evaluating. */
public record FactsChanged(CitizenId citizen, Instant at) {
}
