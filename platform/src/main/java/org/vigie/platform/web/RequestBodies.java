package org.vigie.platform.web;

import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.StrictJson;
import org.vigie.platform.input.StorableInput;

/**
 * Request bodies read as strictly as the evaluation contract: an unknown field, a wrong type, an
 * unknown value or a missing required field is a 400 naming the field, never a silent default; so is
 * a value the store cannot hold ({@link StorableInput}: a NUL, a date outside the accepted years).
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static <T> T read(String body, Class<T> type) {
        return StorableInput.check(StrictJson.read(StrictJson.JSON, body, type), "");
    }

    /** A required field of a body, null when absent: refused with its name. */
    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }
}
