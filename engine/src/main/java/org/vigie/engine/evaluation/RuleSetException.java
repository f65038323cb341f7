package org.vigie.engine.evaluation;

import java.util.List;

/** A rule set that cannot be built: compile errors with file and line, or a minimisation breach. */
public class RuleSetException extends RuntimeException {

    private final List<String> problems;

    public RuleSetException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
