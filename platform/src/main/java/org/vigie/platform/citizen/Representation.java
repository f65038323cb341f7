package org.vigie.platform.citizen;

import java.time.LocalDate;

/**
 * A representative's access to a represented space: a legal representative of a minor (until the
 * minor's 18th birthday, {@code endsOn}) or the representative of a protected adult (no end).
 * The representative acts in their own name ({@link Actor#representative}).
 */
public record Representation(CitizenId represented, String representativeId, Kind kind, LocalDate since, LocalDate endsOn) {

    public enum Kind { LEGAL_REPRESENTATIVE, PROTECTED_ADULT_REPRESENTATIVE }

    /** Whether the access is open on the date: from {@code since}, until the day before {@code endsOn}. */
    public boolean activeOn(LocalDate date) {
        return !date.isBefore(since) && (endsOn == null || date.isBefore(endsOn));
    }
}
