package org.vigie.engine.fact;

import java.time.LocalDate;

/** A health measure with its value and date. */
public record Measure(MeasureKind kind, Double value, LocalDate date, Source source, boolean hiddenFromRepresentatives)
        implements Fact {

    public Measure {
        source = Fact.orDefault(source, Source.SELF);
    }

    @Override
    public LocalDate knownSince() {
        return date;
    }

    @Override
    public Measure withoutProvenance() {
        return new Measure(kind, value, date, null, false);
    }

}
