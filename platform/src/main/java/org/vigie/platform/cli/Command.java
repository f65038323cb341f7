package org.vigie.platform.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** One subcommand of the command line, testable in-process with its own streams. */
interface Command {

    /** The synopsis shown in the usage message, e.g. {@code evaluate [--on YYYY-MM-DD]}. */
    String synopsis();

    /** What the command does, in one line. */
    String summary();

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @return the process exit status
     */
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
