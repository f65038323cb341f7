package org.vigie.engine.fact;

import java.time.LocalDate;

/** A vaccine dose given on a date. */
public record Vaccination(Vaccine vaccine, LocalDate date, Source source, boolean hiddenFromRepresentatives) implements Fact {

    public Vaccination {
        source = Fact.orDefault(source, Source.PROFESSIONAL);
    }

    public Vaccination(Vaccine vaccine, LocalDate date) {
        this(vaccine, date, null, false);
    }

    @Override
    public LocalDate knownSince() {
        return date;
    }

    @Override
    public Vaccination withoutProvenance() {
        return new Vaccination(vaccine, date, null, false);
    }

}
