package org.vigie.platform.cli;

/** Exit statuses of the command line, as the evaluation contract defines them. */
public final class ExitStatus {

    /** Every line was evaluated (or help was asked for). */
    public static final int OK = 0;
    /** An internal failure, a rule base that cannot be built, or bad arguments; a message is on stderr. */
    public static final int FAILURE = 1;
    /** Some input lines were rejected; the other lines were still evaluated. */
    public static final int REJECTED = 2;

    private ExitStatus() {
    }
}
