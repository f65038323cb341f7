package org.vigie.platform.citizen;

import java.util.Objects;

/**
 * Who reads or writes a citizen's data: traced in their own name (a representative acts on the
 * represented space in their own name, not the holder's).
 */
public record Actor(Kind kind, String id) {

    public enum Kind { HOLDER, REPRESENTATIVE, INGESTION, ENGINE, OPERATOR }

    public Actor {
        Objects.requireNonNull(kind, "an actor needs a kind");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("an actor needs an id");
    }

    public static Actor holder(CitizenId citizen) {
        return new Actor(Kind.HOLDER, citizen.toString());
    }

    public static Actor representative(String id) {
        return new Actor(Kind.REPRESENTATIVE, id);
    }

    public static Actor ingestion(String batch) {
        return new Actor(Kind.INGESTION, batch);
    }

    public static Actor engine(String ruleSet) {
        return new Actor(Kind.ENGINE, ruleSet);
    }

    public static Actor operator(String id) {
        return new Actor(Kind.OPERATOR, id);
    }

    /** {@code KIND:id}, as stored in the author and changed_by columns. */
    public String name() {
        return kind + ":" + id;
    }
}
