package org.vigie.platform.citizen;

import java.util.Objects;
import java.util.UUID;

/** The identifier of one stored fact, whatever its type. */
public record FactId(UUID value) {

    public FactId {
        Objects.requireNonNull(value, "a fact id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
