package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Helpers for the reasons rules write to citizens, so every rule words dates the same way. */
public final class Wording {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Wording() {
    }

    /** A date as French readers write it: {@code 02/05/2024}. */
    public static String frenchDate(LocalDate date) {
        return date.format(FRENCH_DATE);
    }
}
