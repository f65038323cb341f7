package org.vigie.engine.fact;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A current pregnancy. {@code start} is read as the first day of the last menstrual period, the
 * origin of weeks of amenorrhoea (SA) in which French recommendations are written.
 */
public record Pregnancy(LocalDate start, Source source, boolean hiddenFromRepresentatives) implements Fact {

    public Pregnancy {
        source = Fact.orDefault(source, Source.SELF);
    }

    public Pregnancy(LocalDate start) {
        this(start, null, false);
    }

    @Override
    public LocalDate knownSince() {
        return start;
    }

    @Override
    public Pregnancy withoutProvenance() {
        return new Pregnancy(start, null, false);
    }

    @Override
    public DataCategory category() {
        return DataCategory.MEDICAL_PROFILE;
    }

    /** Completed weeks of amenorrhoea on the given date. */
    public long weeksOfAmenorrhoea(LocalDate on) {
        return ChronoUnit.WEEKS.between(start, on);
    }

    /** The first day of the given week of amenorrhoea (week 20 starts 20 × 7 days after {@code start}). */
    public LocalDate weekStart(int weeks) {
        return start.plusWeeks(weeks);
    }
}
