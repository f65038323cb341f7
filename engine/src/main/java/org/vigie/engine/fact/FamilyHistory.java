package org.vigie.engine.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;

/** A disease of a relative (ICD-10), with the relation and the relative's age at diagnosis when known. */
public record FamilyHistory(String code, Relation relation, Integer ageAtDiagnosis, Source source,
                            boolean hiddenFromRepresentatives, @JsonIgnore Set<String> concepts) implements Fact, Coded {

    public FamilyHistory {
        source = Fact.orDefault(source, Source.SELF);
        concepts = concepts == null ? Set.of() : Set.copyOf(concepts);
    }

    @Override
    public FamilyHistory withoutProvenance() {
        return new FamilyHistory(code, relation, ageAtDiagnosis, null, false, concepts);
    }


    public FamilyHistory withConcepts(Set<String> resolved) {
        return new FamilyHistory(code, relation, ageAtDiagnosis, source, hiddenFromRepresentatives, resolved);
    }
}
