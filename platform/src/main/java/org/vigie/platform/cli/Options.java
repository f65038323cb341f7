package org.vigie.platform.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's options, read once: {@code --name value} pairs, {@code --flag}s and, for commands that
 * start the application, Spring settings ({@code --key=value}). Anything else, a missing value or a
 * value of the wrong kind is an {@link InvalidOptions} whose message names the command, the option
 * and the usage: what the command prints before exiting with status 1.
 */
public final class Options {

    private final String command;
    private final String usage;
    private final Map<String, String> values;
    private final Set<String> flags;
    private final List<String> settings;

    private Options(String command, String usage, Map<String, String> values, Set<String> flags, List<String> settings) {
        this.command = command;
        this.usage = usage;
        this.values = values;
        this.flags = flags;
        this.settings = settings;
    }

    /** The options with a value, the flags, and whether Spring settings ({@code --key=value}) are accepted. */
    public record Accepted(Set<String> withValue, Set<String> flags, boolean springSettings) {

        public static Accepted values(String... names) {
            return new Accepted(Set.of(names), Set.of(), false);
        }

        public Accepted andFlags(String... names) {
            return new Accepted(withValue, Set.of(names), springSettings);
        }

        public Accepted andSpringSettings() {
            return new Accepted(withValue, flags, true);
        }
    }

    public static Options parse(String command, String usage, List<String> args, Accepted accepted) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (accepted.withValue().contains(arg)) {
                if (i + 1 >= args.size()) throw new InvalidOptions(command, usage, arg + " needs a value");
                values.put(arg, args.get(++i));
            } else if (accepted.flags().contains(arg)) {
                flags.add(arg);
            } else if (accepted.springSettings() && arg.startsWith("--") && arg.indexOf('=') > 2) {
                settings.add(arg);
            } else {
                throw new InvalidOptions(command, usage, "unknown option " + arg);
            }
        }
        return new Options(command, usage, values, flags, settings);
    }

    public int integer(String name, int otherwise) {
        return text(name).map(v -> number(name, v, Integer::parseInt, "a whole number")).orElse(otherwise);
    }

    public long longInteger(String name, long otherwise) {
        return text(name).map(v -> number(name, v, Long::parseLong, "a whole number")).orElse(otherwise);
    }

    /** A comma-separated list of whole numbers ({@code 1,2}). */
    public int[] integers(String name, int[] otherwise) {
        return text(name).map(v -> Arrays.stream(v.split(",")).mapToInt(n -> number(name, n.trim(), Integer::parseInt,
                "a list of whole numbers (1,2)")).toArray()).orElse(otherwise);
    }

    public LocalDate date(String name, LocalDate otherwise) {
        return text(name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw refused(name + ": '" + v + "' is not a date (YYYY-MM-DD)");
            }
        }).orElse(otherwise);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The Spring settings given, as they were written ({@code --key=value}), in order. */
    public List<String> springSettings() {
        return List.copyOf(settings);
    }

    /** Refuses a combination the command does not accept (e.g. a required option missing, a value out of range). */
    public InvalidOptions refused(String problem) {
        return new InvalidOptions(command, usage, problem);
    }

    private <N> N number(String name, String value, java.util.function.Function<String, N> parse, String kind) {
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw refused(name + ": '" + value + "' is not " + kind);
        }
    }

    /** Options a command cannot run with; the message is ready to print. */
    public static final class InvalidOptions extends IllegalArgumentException {
        InvalidOptions(String command, String usage, String problem) {
            super(command + ": " + problem + " (usage: " + usage + ")");
        }
    }
}
