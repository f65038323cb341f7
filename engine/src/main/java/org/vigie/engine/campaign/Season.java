package org.vigie.engine.campaign;

import java.time.LocalDate;

/** One season of a seasonal campaign, e.g. the 2025–26 flu campaign, both ends inclusive. */
public record Season(String name, LocalDate from, LocalDate to) {

    public Season {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a season needs a name");
        if (from == null || to == null) throw new IllegalArgumentException("season " + name + " needs from and to");
        if (to.isBefore(from)) throw new IllegalArgumentException("season " + name + " ends before it starts");
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
