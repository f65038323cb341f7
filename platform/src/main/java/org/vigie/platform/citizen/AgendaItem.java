package org.vigie.platform.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An agenda entry the holder is reminded of (docs/space-sources.md#agenda): a reminder, notified at its time
 * ({@code dueAt}), or a scheduled appointment, notified the day before its {@code date}.
 */
public record AgendaItem(Kind kind, UUID id, CitizenId citizen, Instant dueAt, LocalDate date) {

    public enum Kind { REMINDER, APPOINTMENT }

    public AgendaItem {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        Objects.requireNonNull(citizen);
        if (kind == Kind.REMINDER && dueAt == null) throw new IllegalArgumentException("a reminder has a time");
        if (kind == Kind.APPOINTMENT && date == null) throw new IllegalArgumentException("an appointment has a date");
    }

    /** When it is for, as text: the reminder's instant or the appointment's date; a change of it is a new occurrence. */
    public String occurrence() {
        return kind == Kind.REMINDER ? dueAt.toString() : date.toString();
    }
}
