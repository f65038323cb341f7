package org.vigie.platform.criteria;

import java.time.Clock;
import java.time.LocalDate;
import org.vigie.engine.json.ContractDates;
import org.vigie.engine.json.InvalidInputException;

/**
 * The day the criteria catalogue is asked for ({@code ?on=} over HTTP, {@code --on} on the command
 * line): today unless given, a plain date (YYYY-MM-DD) within the contract's range otherwise ({@link ContractDates}), so that
 * any day's seasons and rules can be computed.
 */
final class CatalogueDay {

    private CatalogueDay() {
    }

    /** @throws InvalidInputException naming {@code field} when the text is no date in the contract's range */
    static LocalDate of(String field, String text, Clock clock) {
        if (text == null) return LocalDate.now(clock);
        LocalDate on = ContractDates.parse(text);
        if (on == null) throw new InvalidInputException(field, "'" + text + "' is not a date (YYYY-MM-DD)");
        return ContractDates.check(field, on);
    }
}
