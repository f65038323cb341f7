package org.vigie.platform;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigie.platform.cli.Command;

/**
 * A command that needs the application (its database, its services) but no web server: boots the
 * Spring context without one, runs, and closes it. Options written {@code --name=value} with a
 * dotted name ({@code --vigie.embedded-postgres.data-directory=...},
 * {@code --spring.datasource.url=...}) configure the application; the others are the command's.
 * Logging stays on stderr, so standard output carries only what the command prints. The scheduler
 * does not fire in a command ({@code vigie.scheduling.enabled=false} unless given otherwise).
 */
public final class ContextCommand {

    /** What the command does with the running application. */
    @FunctionalInterface
    public interface Action {
        int run(ConfigurableApplicationContext context, List<String> args, InputStream in, PrintStream out, PrintStream err)
                throws Exception;
    }

    private ContextCommand() {
    }

    public static Command of(String synopsis, String summary, Action action) {
        return Command.of(synopsis, summary, (args, in, out, err) -> run(action, args, in, out, err));
    }

    private static int run(Action action, List<String> args, InputStream in, PrintStream out, PrintStream err)
            throws Exception {
        List<String> spring = new ArrayList<>(List.of("--logging.config=classpath:vigie/cli-logback.xml"));
        List<String> own = new ArrayList<>();
        for (String arg : args) {
            boolean setting = arg.startsWith("--") && arg.contains("=") && arg.substring(2, arg.indexOf('=')).contains(".");
            (setting ? spring : own).add(arg);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigieApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // a command fires no scheduled job (a sweep's workers still help with running sweeps)
                .properties("vigie.scheduling.enabled=false")
                .run(spring.toArray(String[]::new))) {
            return action.run(context, own, in, out, err);
        }
    }
}
