package org.vigie.platform.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Makes a command that boots the application (without a web server) and runs an action in it: the
 * application's {@code ContextCommand}, which a module offering such a command cannot name without
 * a cycle.
 */
@FunctionalInterface
public interface ContextLauncher {

    Command launch(String synopsis, String summary, InContext action);

    /** What runs once the application is up. */
    @FunctionalInterface
    interface InContext {
        int run(ConfigurableApplicationContext context, List<String> args, InputStream in, PrintStream out, PrintStream err)
                throws Exception;
    }
}
