package org.vigie.platform.space;

import java.time.Instant;
import java.util.UUID;
import org.vigie.engine.fact.Source;
import org.vigie.engine.json.StrictJson;
import org.vigie.platform.citizen.StoredFact;
import tools.jackson.databind.JsonNode;

/**
 * A stored fact as the space shows it: the fact in the contract's format, who wrote it and when,
 * and whether the holder may change it (only what was entered in the space).
 */
record FactView(UUID id, String type, boolean editable, String author, Instant createdAt, Instant updatedAt, JsonNode fact) {

    static FactView of(StoredFact stored) {
        return new FactView(stored.id().value(), FactType.of(stored.fact()).path, stored.fact().source() == Source.SELF,
                stored.author(), stored.createdAt(), stored.updatedAt(), StrictJson.JSON.valueToTree(stored.fact()));
    }
}
