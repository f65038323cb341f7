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


    /**
     * The last week of amenorrhoea a pregnancy record is taken to cover: from 43+0 SA it is over
     * (a pregnancy beyond 42+6 SA does not happen: labour is induced by then, CNGOF 2011). The
     * record has no end date, so every rule reads the end the same way, here.
     */
    public static final int LAST_WEEK = 42;

    /** Whether the pregnancy is in progress on the date: started, and not past 42+6 SA. */
    public boolean inProgressOn(LocalDate on) {
        return !on.isBefore(start) && weeksOfAmenorrhoea(on) <= LAST_WEEK;
    }

    /** The last day the pregnancy is taken to be in progress (42+6 SA). */
    public LocalDate lastDay() {
        return start.plusWeeks(LAST_WEEK + 1L).minusDays(1);
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
