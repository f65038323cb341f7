package org.vigie.platform.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Dispatches {@code java -jar vigie.jar <command> ...} to a subcommand, without any Spring
 * context. Arguments that start with {@code --} (Spring Boot options such as
 * {@code --server.port=8081}), or none at all, mean "start the server" and are not handled here.
 */
public final class CommandLine {

    /** The logback configuration of the command line: everything to stderr, warnings only. */
    static final String LOGBACK_CONFIGURATION = "vigie/cli-logback.xml";

    private static final Set<String> HELP = Set.of("help", "-h", "--help");

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandLine(List<Command> commands) {
        for (Command command : commands) {
            this.commands.put(command.synopsis().split(" ", 2)[0], command);
        }
    }

    /** Whether these arguments name a command (or ask for help) rather than start the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (HELP.contains(args[0]) || !args[0].startsWith("-"));
    }

    /**
     * Runs a command on the process's standard streams. Logging goes to stderr and is configured
     * here, before any command (and so any logger) exists: without Spring, logback would
     * otherwise log to stdout and mix Drools' messages into the JSON output.
     */
    public static int runFromMain(String[] args, Supplier<List<Command>> commands) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        return new CommandLine(commands.get()).run(args, System.in, System.out, System.err);
    }

    /** Runs the command named by {@code args[0]} with the remaining arguments. */
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || HELP.contains(args[0])) {
            out.print(usage());
            out.flush();
            return ExitStatus.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("vigie: unknown command '" + args[0] + "'");
            err.print(usage());
            return ExitStatus.FAILURE;
        }
        try {
            return command.run(Arrays.asList(args).subList(1, args.length), in, out, err);
        } catch (Exception | LinkageError e) {
            out.flush();
            err.println("vigie " + args[0] + ": internal failure: " + e);
            e.printStackTrace(err);
            return ExitStatus.FAILURE;
        }
    }

    String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar vigie.jar [COMMAND [OPTIONS]]\n\n");
        sb.append("Without a command, starts the Vigie server (Spring Boot options such as\n");
        sb.append("--server.port=8081 apply).\n\nCommands:\n");
        for (Command c : commands.values()) {
            sb.append("  ").append(c.synopsis()).append("\n      ").append(c.summary()).append('\n');
        }
        sb.append("  help\n      Shows this message.\n");
        return sb.toString();
    }
}
