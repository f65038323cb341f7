package org.vigie.platform.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.cli.ExitStatus;

class SnapshotsCommandTests {

    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 3, 16).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @Test
    void writesTheSyntheticPopulationAsContractSnapshots() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = SnapshotsCommand.run(List.of("--citizens", "50", "--seed", "3"), print(out), print(new ByteArrayOutputStream()), CLOCK);

        assertThat(status).isEqualTo(ExitStatus.OK);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        SyntheticPopulation population = new SyntheticPopulation(LocalDate.of(2026, 3, 16), 3);
        assertThat(lines).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(SnapshotJson.read(lines.get(i))).isEqualTo(population.citizen(i));
        }
    }

    @Test
    void refusesAMissingCount() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SnapshotsCommand.run(List.of("--seed", "3"), print(new ByteArrayOutputStream()), print(err), CLOCK);

        assertThat(status).isEqualTo(ExitStatus.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--citizens is required");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
