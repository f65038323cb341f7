package org.vigie.engine.json;

/**
 * Input that breaks the contract: names the field at fault with a path such as
 * {@code citizen.acts[2].kind} and says what is wrong with it.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String problem;

    public InvalidInputException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The path of the field at fault; empty when the whole document is at fault. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
