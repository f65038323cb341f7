package org.vigie.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.platform.cli.Command;

class BenchCommandTest {

    private final List<String> launched = new ArrayList<>();
    private final List<List<String>> ranWith = new ArrayList<>();

    private final Command bench = BenchCommand.command((synopsis, summary, action) -> {
        launched.add(synopsis);
        return Command.of(synopsis, summary, (args, in, out, err) -> {
            ranWith.add(args);
            return 0;
        });
    });

    @Test
    void benchTargetingRunsInTheApplicationWithTheOptionsThatFollowIt() throws Exception {
        int status = bench.run(List.of("targeting", "--citizens", "1000", "--vigie.embedded-postgres.temporary=true"),
                new ByteArrayInputStream(new byte[0]), System.out, System.err);

        assertThat(status).isZero();
        assertThat(launched).containsExactly(TargetingBench.USAGE);
        assertThat(ranWith).containsExactly(List.of("--citizens", "1000", "--vigie.embedded-postgres.temporary=true"));
        assertThat(bench.synopsis()).contains("bench targeting [--citizens N] [--seed S] [--on YYYY-MM-DD] [--rounds R] [--threads T]");
    }

    @Test
    void anUnknownOptionOfBenchNamesEveryForm() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = bench.run(List.of("--citizen", "10"), new ByteArrayInputStream(new byte[0]), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --citizen").contains("bench targeting");
        assertThat(ranWith).isEmpty();
    }

    @Test
    void benchHttpRefusesARateOfZeroNamingTheOptionBeforeAnyRequest() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = bench.run(List.of("http", "--url", "http://localhost:1", "--rates", "100,0"), new ByteArrayInputStream(new byte[0]),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bench http: --rates: every rate must be above 0");
    }

    @Test
    void benchHttpAgainstAGivenServerCannotUseTheBenchsTokens() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = bench.run(List.of("http", "--url", "http://localhost:1", "--auth", "jwt"), new ByteArrayInputStream(new byte[0]),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--auth jwt needs the server the bench starts");
    }
}
