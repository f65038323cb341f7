package org.vigie.engine.json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.vigie.engine.fact.CitizenFacts;

/**
 * The dates the contract accepts. Every date (a birth date, a fact's date, the reference date) lies
 * between {@link #FIRST} and {@link #LAST}: beyond that a date is a typo, and years such as
 * {@code +999999999} overflow the calendar arithmetic of the rules.
 *
 * <p>A reference date must besides be close to today unless the caller asks for time travel: that
 * check needs the clock, so the edges (command line, HTTP) make it with {@link #checkReferenceDate},
 * and evaluation stays a function of the rule set, the snapshot and the date.
 */
public final class ContractDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2200, 12, 31);
    /** How far from today a reference date may be without asking for time travel. */
    public static final int REFERENCE_WINDOW_YEARS = 5;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ContractDates() {
    }

    /** The date written exactly {@code YYYY-MM-DD}; null when it is not. */
    public static LocalDate parse(String text) {
        if (text == null || !ISO_DATE.matcher(text).matches()) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What is wrong with a date of the contract, or null when it is within range. */
    public static String problem(LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            return "'" + date + "' is out of range: a date of the contract lies between " + FIRST + " and " + LAST;
        }
        return null;
    }

    /** Refuses a date out of the contract's range, naming the field. */
    public static LocalDate check(String field, LocalDate date) {
        String problem = problem(date);
        if (problem != null) throw new InvalidInputException(field, problem);
        return date;
    }

    /**
     * Refuses a reference date out of range, or more than {@link #REFERENCE_WINDOW_YEARS} years
     * from {@code today} when the caller has not asked for time travel.
     *
     * @param timeTravel how the caller asks for a date further away, for the message (e.g. an option)
     */
    public static LocalDate checkReferenceDate(String field, LocalDate on, LocalDate today, String timeTravel) {
        check(field, on);
        if (!withinWindow(on, today)) {
            throw new InvalidInputException(field, "'" + on + "' is more than " + REFERENCE_WINDOW_YEARS
                    + " years from today (" + today + "); to evaluate on a date that far, " + timeTravel);
        }
        return on;
    }

    /** Whether a reference date is close enough to today to need no time travel. */
    public static boolean withinWindow(LocalDate on, LocalDate today) {
        return !on.isBefore(today.minusYears(REFERENCE_WINDOW_YEARS)) && !on.isAfter(today.plusYears(REFERENCE_WINDOW_YEARS));
    }

    /**
     * Rejects a reference date or a birth date out of the contract's range, and a citizen not yet
     * born on the reference date ({@link CitizenFacts#bornBy}); called once the reference date is known.
     */
    public static void checkBirthDate(CitizenFacts citizen, LocalDate on) {
        check("on", on);
        check("citizen.birthDate", citizen.birthDate());
        if (!citizen.bornBy(on)) {
            throw new InvalidInputException("citizen.birthDate",
                    "is after the reference date " + on + " (a citizen cannot be evaluated before birth)");
        }
    }
}
