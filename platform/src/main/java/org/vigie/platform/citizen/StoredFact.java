package org.vigie.platform.citizen;

import java.time.Instant;
import org.vigie.engine.fact.Fact;

/** A fact as stored: the contract's fact (with its source and hidden flag), who wrote it and when. */
public record StoredFact(FactId id, Fact fact, String author, Instant createdAt, Instant updatedAt) {
}
