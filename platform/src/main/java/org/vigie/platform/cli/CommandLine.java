package org.vigie.platform.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigie.engine.evaluation.RuleSetManifest;

/**
 * Dispatches {@code java -jar vigie.jar <command> ...} to a subcommand. Arguments that start with
 * {@code --} (Spring Boot options such as {@code --server.port=8081}), or none at all, mean "start
 * the server" and are not handled here.
 */
public final class CommandLine {

    /** The logback configuration of the command line: everything to stderr, warnings only. */
    static final String LOGBACK_CONFIGURATION = "vigie/cli-logback.xml";

    private static final Set<String> HELP = Set.of("help", "-h", "--help");

    private final Map<String, Command> commands = new LinkedHashMap<>();

    CommandLine(List<Command> commands) {
        for (Command command : commands) {
            this.commands.put(command.synopsis().split(" ", 2)[0], command);
        }
    }

    /** The commands shipped with Vigie, reading the shipped rule base and the system clock. */
    public static CommandLine standard() {
        Clock clock = Clock.systemDefaultZone();
        return new CommandLine(List.of(new EvaluateCommand(RuleSetManifest::loadDefault, clock)));
    }

    /** Whether these arguments name a command (or ask for help) rather than start the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (HELP.contains(args[0]) || !args[0].startsWith("-"));
    }

    /**
     * Runs a command on the process's standard streams. Logging goes to stderr and is configured
     * here, before any logger exists: without Spring, logback would otherwise log to stdout and
     * mix Drools' messages into the JSON output.
     */
    public static int runFromMain(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        try {
            return standard().run(args, System.in, System.out, System.err);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("vigie: internal failure: " + e);
            e.printStackTrace(System.err);
            return ExitStatus.FAILURE;
        }
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
        return command.run(Arrays.asList(args).subList(1, args.length), in, out, err);
    }

    String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar vigie.jar [COMMAND [OPTIONS]]\n\n");
        sb.append("Without a command, starts the Vigie server (Spring Boot options such as\n");
        sb.append("--server.port=8081 apply).\n\nCommands:\n");
        int width = commands.values().stream().mapToInt(c -> c.synopsis().length()).max().orElse(0);
        for (Command c : commands.values()) {
            sb.append("  ").append(String.format("%-" + width + "s", c.synopsis())).append("  ").append(c.summary()).append('\n');
        }
        sb.append("  ").append(String.format("%-" + width + "s", "help")).append("  Shows this message.\n");
        return sb.toString();
    }
}
