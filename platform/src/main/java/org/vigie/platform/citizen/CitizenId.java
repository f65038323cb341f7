package org.vigie.platform.citizen;

import java.util.Objects;
import java.util.UUID;

/** The opaque identifier of a citizen space, never derived from the person's identity. */
public record CitizenId(UUID value) {

    public CitizenId {
        Objects.requireNonNull(value, "a citizen id needs a value");
    }

    static CitizenId random() {
        return new CitizenId(UUID.randomUUID());
    }

    public static CitizenId of(String value) {
        return new CitizenId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
