package org.vigie.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.vigie.platform.cli.CommandLine;

/**
 * Vigie's single entry point. A subcommand ({@code evaluate}, ...) runs without any Spring
 * context, web server or database; without one, the server starts.
 */
@SpringBootApplication
public class VigieApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            // decided before anything logs: the command line keeps stdout for its JSON output
            System.exit(CommandLine.runFromMain(args));
        }
        SpringApplication.run(VigieApplication.class, args);
    }
}
