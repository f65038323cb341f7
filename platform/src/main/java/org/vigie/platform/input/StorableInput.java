package org.vigie.platform.input;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.vigie.engine.json.ContractDates;
import org.vigie.engine.json.ContractText;
import org.vigie.engine.json.InvalidInputException;

/**
 * What the store can hold, checked before anything is written: no NUL character in any text
 * (PostgreSQL refuses U+0000), dates of facts and times of the agenda within {@link #FIRST_YEAR}–{@link
 * #LAST_YEAR} (a year 300000 or a birth date of -999999999 has no meaning, and PostgreSQL cannot hold
 * every such value), numbers that are finite, and identifiers short enough for their index. One place for these bounds, for
 * every way in: the API, ingestion (each record on its own), the commands.
 */
public final class StorableInput {

    /** The first and last years of a fact date, a reminder or a reference date: the contract's ({@link ContractDates}). */
    public static final int FIRST_YEAR = ContractDates.FIRST.getYear();
    public static final int LAST_YEAR = ContractDates.LAST.getYear();
    /** An external id, a representative's id, a device token: indexed, so bounded well below PostgreSQL's ~2,700 bytes. */
    public static final int MAX_IDENTIFIER = ContractText.MAX_ID_LENGTH;
    public static final int MAX_TOKEN = 1_024;
    /** Any other text: a reason, a note, a title. */
    public static final int MAX_TEXT = 10_000;
    private static final Instant FIRST_INSTANT = ContractDates.FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_INSTANT = ContractDates.LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private StorableInput() {
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** The text with any NUL shown as {@code \u0000}, to name a field in a message. */
    public static String printable(String text) {
        return text.replace("\u0000", "\\u0000");
    }

    /**
     * Checks every text, date and time of a value (records, lists, maps, optionals inside it), and
     * answers it.
     *
     * @param field the path of the value in the request or the record ({@code citizen}, or empty for a whole body)
     * @throws InvalidInputException naming the first field at fault, with a path such as {@code citizen.acts[2].kind}
     */
    public static <T> T check(T value, String field) {
        walk(value, field, 0);
        return value;
    }

    /** Checks an identifier: required, without NUL, at most {@link #MAX_IDENTIFIER} characters. */
    public static String identifier(String value, String field) {
        return bounded(value, field, MAX_IDENTIFIER);
    }

    /** Checks a required text of at most {@code max} characters, without NUL. */
    public static String bounded(String value, String field, int max) {
        if (value == null || value.isBlank()) throw new InvalidInputException(field, "is required");
        if (value.length() > max) throw new InvalidInputException(field, "is longer than " + max + " characters");
        text(value, field);
        return value;
    }

    /** Checks a date: within the accepted years. */
    public static LocalDate date(LocalDate value, String field) {
        if (value != null && (value.getYear() < FIRST_YEAR || value.getYear() > LAST_YEAR)) {
            throw new InvalidInputException(field, "must be a date between " + FIRST_YEAR + " and " + LAST_YEAR
                    + ", not " + value);
        }
        return value;
    }

    private static void text(String value, String field) {
        if (hasNul(value)) throw new InvalidInputException(field, "must not contain a NUL character (U+0000)");
        if (value.length() > MAX_TEXT) throw new InvalidInputException(field, "is longer than " + MAX_TEXT + " characters");
    }

    private static void walk(Object value, String field, int depth) {
        if (value == null || depth > 16) return;
        if (value instanceof String s) {
            text(s, field);
        } else if (value instanceof LocalDate d) {
            date(d, field);
        } else if (value instanceof LocalDateTime t) {
            year(t.getYear(), field, t);
        } else if (value instanceof OffsetDateTime t) {
            year(t.getYear(), field, t);
        } else if (value instanceof ZonedDateTime t) {
            year(t.getYear(), field, t);
        } else if (value instanceof Instant t) {
            if (t.isBefore(FIRST_INSTANT) || !t.isBefore(AFTER_LAST_INSTANT)) year(t.atOffset(ZoneOffset.UTC).getYear(), field, t);
        } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new InvalidInputException(field, "must be a finite number");
        } else if (value instanceof Optional<?> o) {
            walk(o.orElse(null), field, depth + 1);
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) walk(item, field + "[" + i++ + "]", depth + 1);
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = join(field, String.valueOf(e.getKey()));
                walk(e.getKey(), name, depth + 1);
                walk(e.getValue(), name, depth + 1);
            }
        } else if (value instanceof Record r) {
            for (RecordComponent component : r.getClass().getRecordComponents()) {
                Object part;
                try {
                    component.getAccessor().setAccessible(true);
                    part = component.getAccessor().invoke(r);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue; // not ours to read: nothing stored comes from it
                }
                walk(part, join(field, component.getName()), depth + 1);
            }
        }
    }

    private static void year(int year, String field, Object value) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException(field, "must be between the years " + FIRST_YEAR + " and " + LAST_YEAR + ", not " + value);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? printable(name) : path + "." + printable(name);
    }
}
