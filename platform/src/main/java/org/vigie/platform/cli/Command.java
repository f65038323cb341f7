package org.vigie.platform.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the command line, testable in-process with its own streams. A module offers
 * a command by implementing this (or with {@link #of}); the application lists them.
 */
public interface Command {

    /** The synopsis shown in the usage message; its first word is the command's name. */
    String synopsis();

    /** What the command does, in one line. */
    String summary();

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @return the process exit status ({@link ExitStatus})
     * @throws Exception an internal failure: reported on stderr, exit status 1
     */
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception;

    /** What a command does when it runs. */
    @FunctionalInterface
    interface Action {
        int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception;
    }

    static Command of(String synopsis, String summary, Action action) {
        return new Command() {
            @Override
            public String synopsis() {
                return synopsis;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
                return action.run(args, in, out, err);
            }
        };
    }
}
