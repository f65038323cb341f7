package org.vigie.engine.fact;

import java.time.LocalDate;

/**
 * The identity fact given to rules: sex, birth date and the reference date of the evaluation, with
 * the calendar helpers every rule needs. Age is in completed years: the n-th birthday is reached
 * on its anniversary (29 February birthdays fall on 28 February in common years).
 */
public record Citizen(LocalDate on, LocalDate birthDate, Sex sex, int age) {

    public static Citizen on(LocalDate on, LocalDate birthDate, Sex sex) {
        return new Citizen(on, birthDate, sex, ageOn(birthDate, on));
    }

    /** Completed years, consistent with {@link #birthday(int)}: a 29 February birthday counts on 28 February. */
    public static int ageOn(LocalDate birthDate, LocalDate on) {
        int years = on.getYear() - birthDate.getYear();
        return birthDate.plusYears(years).isAfter(on) ? years - 1 : years;
    }

    public boolean minor() {
        return age < 18;
    }

    /** The date of the n-th birthday. */
    public LocalDate birthday(int years) {
        return birthDate.plusYears(years);
    }

    /** The last day of the year of age {@code years}: the day before the next birthday. */
    public LocalDate lastDayOfAge(int years) {
        return birthDate.plusYears(years + 1L).minusDays(1);
    }

    /** Whether {@code date} lies within the last {@code years} years: the interval has not fully elapsed. */
    public boolean withinYears(LocalDate date, int years) {
        return !date.isAfter(on) && date.plusYears(years).isAfter(on);
    }

    /** Whether {@code date} lies within the last {@code months} months. */
    public boolean withinMonths(LocalDate date, int months) {
        return !date.isAfter(on) && date.plusMonths(months).isAfter(on);
    }

    /** The later of two dates; {@code null} counts as "no constraint". */
    public static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
