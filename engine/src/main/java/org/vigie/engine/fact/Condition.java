package org.vigie.engine.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Set;

/** A condition of the medical profile, coded in ICD-10 (with or without the dot). */
public record Condition(String code, LocalDate since, Source source, boolean hiddenFromRepresentatives,
                        @JsonIgnore Set<String> concepts) implements Fact, Coded {

    public Condition {
        source = Fact.orDefault(source, Source.SELF);
        concepts = concepts == null ? Set.of() : Set.copyOf(concepts);
    }

    public Condition(String code, LocalDate since) {
        this(code, since, null, false, null);
    }

    @Override
    public LocalDate knownSince() {
        return since;
    }

    @Override
    public Condition withoutProvenance() {
        return new Condition(code, since, null, false, concepts);
    }


    public Condition withConcepts(Set<String> resolved) {
        return new Condition(code, since, source, hiddenFromRepresentatives, resolved);
    }
}
