package org.vigie.engine.campaign;

import java.time.LocalDate;

/**
 * One season of a seasonal campaign, e.g. the 2025–26 flu campaign, both ends inclusive, as known
 * on the reference date of an evaluation. A campaign with seasons of different kinds (COVID-19's
 * {@code AUTUMN} and {@code SPRING}) names the kind so that rules can tell them apart:
 * {@code Season( kind == "SPRING" )}. {@code announced} is the day the committee announced these
 * dates, or null when they are the season's usual dates (or a single season written in the file).
 */
public record Season(String name, LocalDate from, LocalDate to, String kind, LocalDate announced) {

    public Season {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a season needs a name");
        if (kind != null && !kind.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("season " + name + ": kind '" + kind + "' must be upper case, e.g. AUTUMN");
        }
        if (from == null || to == null) throw new IllegalArgumentException("season " + name + " needs from and to");
        if (to.isBefore(from)) throw new IllegalArgumentException("season " + name + " ends before it starts");
    }

    /** A season on dates written in the file, known from the start. */
    public Season(String name, LocalDate from, LocalDate to, String kind) {
        this(name, from, to, kind, null);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Whether the season is open on some day from {@code first} to {@code last}, both included. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return !to.isBefore(first) && !from.isAfter(last);
    }
}
