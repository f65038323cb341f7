package org.vigie.platform.citizen;

import java.time.Instant;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Fact;

/** A fact as stored: the contract's fact (with its source and hidden flag), who wrote it and when. */
public record StoredFact(FactId id, Fact fact, String author, Instant createdAt, Instant updatedAt) {

    /** The holder (or a representative) may correct only what was entered in the space. */
    public boolean editableByHolder() {
        return fact.source() == Source.SELF;
    }

    /**
     * The holder may remove what was entered in the space, and what a referenced application put
     * there (docs/space-sources.md#data-put-there-by-an-application); facts
     * from professionals, the reimbursement history or the insurer are removed only by their author.
     */
    public boolean removableByHolder() {
        return fact.source() == Source.SELF || fact.source() == Source.APP;
    }
}
