package org.vigie.platform.criteria;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.vigie.engine.json.InvalidInputException;

/**
 * The day the criteria catalogue is asked for ({@code ?on=} over HTTP, {@code --on} on the command
 * line): today unless given, a plain date (YYYY-MM-DD) between 1900 and 2200 otherwise, so that
 * any day's seasons and rules can be computed.
 */
final class CatalogueDay {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;

    private CatalogueDay() {
    }

    /** @throws InvalidInputException naming {@code field} when the text is no date in range */
    static LocalDate of(String field, String text, Clock clock) {
        if (text == null) return LocalDate.now(clock);
        LocalDate on;
        try {
            on = text.length() == 10 ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            on = null;
        }
        if (on == null) throw new InvalidInputException(field, "'" + text + "' is not a date (YYYY-MM-DD)");
        if (on.getYear() < FIRST_YEAR || on.getYear() > LAST_YEAR) {
            throw new InvalidInputException(field, "'" + text + "' is out of range (years " + FIRST_YEAR + " to " + LAST_YEAR + ")");
        }
        return on;
    }
}
