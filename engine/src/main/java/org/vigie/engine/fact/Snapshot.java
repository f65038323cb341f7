package org.vigie.engine.fact;

import java.time.LocalDate;

/** One citizen's facts as of a date: the unit the engine evaluates ({@code on} may be left to the caller). */
public record Snapshot(String citizenId, LocalDate on, CitizenFacts citizen) {

    public LocalDate onOr(LocalDate defaultOn) {
        return on == null ? defaultOn : on;
    }
}
