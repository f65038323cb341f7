package org.vigie.engine.fact;

import java.time.LocalDate;

/**
 * A reimbursed act. Either {@code kind} is given, or {@code code} and {@code system}, which the
 * terminology table maps to a kind; an unknown code leaves {@code kind} empty and matches no rule.
 */
public record Act(ActKind kind, LocalDate date, String code, CodeSystem system, Source source,
                  boolean hiddenFromRepresentatives) implements Fact {

    public Act {
        source = Fact.orDefault(source, Source.REIMBURSEMENT_HISTORY);
    }

    public Act(ActKind kind, LocalDate date) {
        this(kind, date, null, null, null, false);
    }

    @Override
    public LocalDate knownSince() {
        return date;
    }

    @Override
    public Act withoutProvenance() {
        return new Act(kind, date, code, system, null, false);
    }


    public Act withKind(ActKind resolved) {
        return new Act(resolved, date, code, system, source, hiddenFromRepresentatives);
    }
}
