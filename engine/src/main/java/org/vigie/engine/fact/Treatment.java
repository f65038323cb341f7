package org.vigie.engine.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Set;

/** A current or past treatment, coded in ATC. */
public record Treatment(String code, LocalDate since, Source source, boolean hiddenFromRepresentatives,
                        @JsonIgnore Set<String> concepts) implements Fact, Coded {

    public Treatment {
        source = Fact.orDefault(source, Source.SELF);
        concepts = concepts == null ? Set.of() : Set.copyOf(concepts);
    }

    public Treatment(String code, LocalDate since) {
        this(code, since, null, false, null);
    }

    @Override
    public LocalDate knownSince() {
        return since;
    }

    @Override
    public Treatment withoutProvenance() {
        return new Treatment(code, since, null, false, concepts);
    }


    public Treatment withConcepts(Set<String> resolved) {
        return new Treatment(code, since, source, hiddenFromRepresentatives, resolved);
    }
}
