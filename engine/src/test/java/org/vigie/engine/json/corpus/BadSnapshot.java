package org.vigie.engine.json.corpus;

/**
 * A snapshot that breaks the evaluation contract in exactly one place.
 *
 * @param mutation what was done, e.g. {@code citizen.acts[1].date: date-time}
 * @param field    the field path the refusal must name, as {@code InvalidInputException.field()}
 * @param json     the snapshot, on one line
 */
public record BadSnapshot(String mutation, String field, String json) {

    @Override
    public String toString() {
        return mutation;
    }
}
