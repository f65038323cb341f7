package org.vigie.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTests {

    private final CommandLine commandLine = new CommandLine(List.of(new EvaluateCommand(() -> {
        throw new AssertionError("no rule set is needed here");
    }, Clock.systemDefaultZone())));

    @Test
    void leavesServerStartsToSpring() {
        assertThat(CommandLine.isCommand(new String[0])).isFalse();
        assertThat(CommandLine.isCommand(new String[] {"--server.port=8081"})).isFalse();
    }

    @Test
    void recognisesCommandsAndHelp() {
        assertThat(CommandLine.isCommand(new String[] {"evaluate", "--on", "2026-03-16"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {"no-such-command"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {"--help"})).isTrue();
    }

    @Test
    void rejectsAnUnknownCommandWithItsUsageOnStderr() {
        Streams s = new Streams();

        int status = commandLine.run(new String[] {"evaluat"}, s.in, s.out, s.err);

        assertThat(status).isEqualTo(ExitStatus.FAILURE);
        assertThat(s.out()).isEmpty();
        assertThat(s.err()).contains("unknown command 'evaluat'").contains("Usage:").contains("evaluate [--on YYYY-MM-DD]");
    }

    @Test
    void printsItsUsageOnRequest() {
        Streams s = new Streams();

        int status = commandLine.run(new String[] {"help"}, s.in, s.out, s.err);

        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(s.out()).contains("Usage:").contains("evaluate [--on YYYY-MM-DD]");
        assertThat(s.err()).isEmpty();
    }

    @Test
    void reportsACommandsInternalFailureOnStderr() {
        CommandLine failing = new CommandLine(List.of(Command.of("explode", "Fails.", (args, in, out, err) -> {
            throw new IllegalStateException("boom");
        })));
        Streams s = new Streams();

        int status = failing.run(new String[] {"explode"}, s.in, s.out, s.err);

        assertThat(status).isEqualTo(ExitStatus.FAILURE);
        assertThat(s.out()).isEmpty();
        assertThat(s.err()).contains("vigie explode: internal failure: java.lang.IllegalStateException: boom");
    }

    private static final class Streams {
        final ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
