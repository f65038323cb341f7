package org.vigie.platform.space;

import java.time.Instant;
import java.util.UUID;
import org.vigie.engine.json.StrictJson;
import org.vigie.platform.citizen.StoredFact;
import tools.jackson.databind.JsonNode;

/**
 * A stored fact as the space shows it: the fact in the contract's format, who wrote it and when,
 * and whether the holder may change it or remove it.
 */
record FactView(UUID id, String type, boolean editable, boolean removable, String author, Instant createdAt, Instant updatedAt,
                JsonNode fact) {

    static FactView of(StoredFact stored) {
        return new FactView(stored.id().value(), FactType.of(stored.fact()).path, stored.editableByHolder(),
                stored.removableByHolder(), stored.author(), stored.createdAt(), stored.updatedAt(),
                StrictJson.JSON.valueToTree(stored.fact()));
    }
}
