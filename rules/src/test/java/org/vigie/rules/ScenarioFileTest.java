package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.DataCategory;

/** A scenario file is read as strictly as the contract: a typo must never make a case test nothing. */
class ScenarioFileTest {

    private static final Set<String> KEYS = Set.of("SCREEN_BREAST", "SCREEN_COLORECTAL");

    @TempDir
    Path dir;

    @Test
    void readsACaseWithItsSnapshotAndExpectations() throws IOException {
        ScenarioFile file = ScenarioFile.read(write("SCREEN_BREAST", """
                cases:
                  - name: due
                    on: 2026-03-16
                    citizen:
                      birthDate: 1966-01-10
                      sex: F
                      acts: [{kind: MAMMOGRAPHY, date: 2024-03-16}]
                    must: [SCREEN_BREAST]
                    mustNot: [SCREEN_COLORECTAL]
                    expect:
                      SCREEN_BREAST: {rule: R, dueFrom: 2026-03-16, dueBy: null, dataUsed: [IDENTITY]}
                """), KEYS);

        Scenario scenario = file.cases().get(0);
        assertThat(file.key()).isEqualTo("SCREEN_BREAST");
        assertThat(scenario.snapshot().on()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(scenario.snapshot().citizen().acts()).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(ActKind.MAMMOGRAPHY));
        assertThat(scenario.mustNot()).containsExactly("SCREEN_COLORECTAL");
        Scenario.Expectation e = scenario.expect().get("SCREEN_BREAST");
        assertThat(e.rule()).isEqualTo("R");
        assertThat(e.dueFrom()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(e.checkDueBy()).isTrue();
        assertThat(e.dueBy()).isNull();
        assertThat(e.dataUsed()).containsExactly(DataCategory.IDENTITY);
    }

    @Test
    void rejectsAMisspeltField() throws IOException {
        Path file = write("SCREEN_BREAST", """
                cases:
                  - name: typo
                    on: 2026-03-16
                    citizen: {birthDate: 1966-01-10, sex: F}
                    mustnot: [SCREEN_BREAST]
                """);
        assertThatThrownBy(() -> ScenarioFile.read(file, KEYS)).hasMessageContaining("unknown field 'mustnot'");
    }

    @Test
    void rejectsAnUnknownKey() throws IOException {
        Path file = write("SCREEN_BREAST", """
                cases:
                  - name: unknown key
                    on: 2026-03-16
                    citizen: {birthDate: 1966-01-10, sex: F}
                    must: [SCREEN_BREAST]
                    mustNot: [SCREEN_BREST]
                """);
        assertThatThrownBy(() -> ScenarioFile.read(file, KEYS)).hasMessageContaining("'SCREEN_BREST'");
    }

    @Test
    void rejectsACaseSilentAboutItsFilesKey() throws IOException {
        Path file = write("SCREEN_BREAST", """
                cases:
                  - name: says nothing about breast
                    on: 2026-03-16
                    citizen: {birthDate: 1966-01-10, sex: F}
                    must: [SCREEN_COLORECTAL]
                """);
        assertThatThrownBy(() -> ScenarioFile.read(file, KEYS)).hasMessageContaining("must say whether SCREEN_BREAST");
    }

    @Test
    void rejectsASnapshotTheContractRejects() throws IOException {
        Path file = write("SCREEN_BREAST", """
                cases:
                  - name: bad sex
                    on: 2026-03-16
                    citizen: {birthDate: 1966-01-10, sex: X}
                    mustNot: [SCREEN_BREAST]
                """);
        assertThatThrownBy(() -> ScenarioFile.read(file, KEYS)).hasMessageContaining("citizen.sex");
    }

    @Test
    void rejectsAFileNamedAfterNoKey() throws IOException {
        Path file = write("SCREEN_BRAIN", """
                cases:
                  - name: x
                    on: 2026-03-16
                    citizen: {birthDate: 1966-01-10, sex: F}
                    mustNot: [SCREEN_BREAST]
                """);
        assertThatThrownBy(() -> ScenarioFile.read(file, KEYS)).hasMessageContaining("SCREEN_BRAIN.yaml");
    }

    private Path write(String key, String yaml) throws IOException {
        return Files.writeString(dir.resolve(key + ".yaml"), yaml);
    }
}
