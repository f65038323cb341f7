package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.platform.ContextCommand;
import org.vigie.platform.Publications;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.cli.ExitStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@VigieApplicationTest
class IngestCommandTests {

    private static final Actor CHECK = Actor.operator("ingestion-tests");

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    @Test
    void storesTheGoodLinesAndReportsEachBadOneWithItsLineNumber() throws Exception {
        String run = IngestionFixtures.run();
        Run result = ingest(IngestionFormat.JSONL, file("snapshots.jsonl", IngestionFixtures.snapshots(run)));

        assertThat(result.status()).isEqualTo(ExitStatus.REJECTED);
        List<JsonNode> lines = result.lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(lines.get(0).get("error").asString()).startsWith("citizen.preventionOptout: unknown field");
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(lines.get(1).get("error").asString()).startsWith("citizenId: is required");
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(6);
        assertThat(lines.get(3)).isEqualTo(summary(5, 2, 0, 3));
        assertThat(spaces.findByExternalId(run + "-woman")).isPresent();
        assertThat(spaces.findByExternalId(run + "-man")).isPresent();
    }

    @Test
    void leavesNoRowForARejectedRecord() throws Exception {
        String run = IngestionFixtures.run();
        ingest(IngestionFormat.JSONL, file("snapshots.jsonl", IngestionFixtures.snapshots(run)));

        assertThat(spaces.findByExternalId(run + "-typo")).isEmpty();
        assertThat(jdbc.sql("select count(*) from citizen where external_id like ?").param(run + "-%").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aSecondRunOfTheSameFileChangesNothing() throws Exception {
        String run = IngestionFixtures.run();
        Path file = file("snapshots.jsonl", IngestionFixtures.snapshots(run));
        Publications publications = Publications.from(jdbc);
        ingest(IngestionFormat.JSONL, file);
        publications.awaitHandled();
        Map<String, Long> before = IngestionFixtures.rowCounts(jdbc);

        Run second = ingest(IngestionFormat.JSONL, file);

        assertThat(second.lines().get(second.lines().size() - 1)).isEqualTo(summary(5, 0, 2, 3));
        assertThat(IngestionFixtures.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void storesAFhirBundleAsItsMappedFacts() throws Exception {
        String run = IngestionFixtures.run();
        String bundle = IngestionFixtures.womanBundle(run);

        Run result = ingest(IngestionFormat.FHIR, file("woman.bundle.json", bundle));

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        assertThat(result.lines()).containsExactly(summary(1, 1, 0, 0));
        FhirCitizen mapped = new FhirBundles().read(bundle);
        CitizenId id = spaces.findByExternalId(mapped.externalId().toString()).orElseThrow();
        CitizenFacts stored = spaces.snapshot(CHECK, id, "test").citizen();
        CitizenFacts expected = mapped.citizen().orElseThrow();
        assertThat(stored.birthDate()).isEqualTo(expected.birthDate());
        assertThat(stored.sex()).isEqualTo(expected.sex());
        assertThat(stored.accountStatus()).isEqualTo(expected.accountStatus());
        assertThat(stored.insurerDataConsent()).isEqualTo(expected.insurerDataConsent());
        // the store gives facts back in its own order
        assertThat(stored.facts().toList()).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected.facts().toList());
    }

    @Test
    void readsBundlesOnePerLineAndRejectsAWholeBundleWithAFactAboutAnotherPatient() throws Exception {
        String run = IngestionFixtures.run();
        String ndjson = IngestionFixtures.oneLine(IngestionFixtures.womanBundle(run)) + "\n"
                + IngestionFixtures.oneLine(IngestionFixtures.fhir("problems.bundle.json")) + "\n"
                + IngestionFixtures.oneLine(IngestionFixtures.fhir("patient-not-bundle.json")) + "\n";
        Map<String, Long> before = IngestionFixtures.rowCounts(jdbc);

        Run result = ingest(IngestionFormat.FHIR, file("bundles.ndjson", ndjson));

        assertThat(result.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(result.lines()).hasSize(3);
        assertThat(result.lines().get(0).get("line").asInt()).isEqualTo(2);
        assertThat(result.lines().get(0).get("error").asString())
                .isEqualTo("entry[5] Condition/someone-else: subject refers to Patient/other, not to the bundle's Patient");
        assertThat(result.lines().get(1).get("line").asInt()).isEqualTo(3);
        assertThat(result.lines().get(2)).isEqualTo(JsonMapper.shared().valueToTree(
                new IngestionSummary(3, 1, 0, 2, 0, Map.of("AllergyIntolerance", 1), Map.of())));
        assertThat(spaces.findByExternalId(ExternalId.FHIR_PATIENT_ID + "|m1")).isEmpty();
        assertThat(IngestionFixtures.rowCounts(jdbc).get("citizen")).isEqualTo(before.get("citizen") + 1);
    }

    @Test
    void refusesAMissingFileNamingItBeforeStartingAnything() throws Exception {
        Run result = run(new IngestCommand((synopsis, summary, action) -> {
            throw new AssertionError("nothing starts for a missing file");
        }), List.of("--format", "fhir", dir.resolve("nowhere.ndjson").toString()));

        assertThat(result.status()).isEqualTo(ExitStatus.FAILURE);
        assertThat(result.err()).contains("no such file: " + dir.resolve("nowhere.ndjson"));
        assertThat(result.out()).isEmpty();
    }

    @Test
    void refusesAnUnknownFormat() throws Exception {
        Run result = run(new IngestCommand((synopsis, summary, action) -> {
            throw new AssertionError("nothing starts for bad arguments");
        }), List.of("--format", "xml", "file.xml"));

        assertThat(result.status()).isEqualTo(ExitStatus.FAILURE);
        assertThat(result.err()).contains("unknown format 'xml'");
    }

    @Test
    void bootsTheApplicationOnTheConfiguredDatabase() throws Exception {
        String run = IngestionFixtures.run();
        Path file = file("snapshots.jsonl", IngestionFixtures.snapshots(run));
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        String user = ((HikariDataSource) dataSource).getUsername();

        Run result = run(new IngestCommand((synopsis, summary, action) -> ContextCommand.of(synopsis, summary, action::run)),
                List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user, file.toString()));

        assertThat(result.status()).as(result.err()).isEqualTo(ExitStatus.REJECTED);
        assertThat(result.lines().get(result.lines().size() - 1)).isEqualTo(summary(5, 2, 0, 3));
        assertThat(spaces.findByExternalId(run + "-woman")).isPresent();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Run ingest(IngestionFormat format, Path file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = IngestCommand.ingest(context, format, file.toString(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(IngestCommand command, List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode summary(int read, int stored, int unchanged, int rejected) {
        return JsonMapper.shared().valueToTree(new IngestionSummary(read, stored, unchanged, rejected));
    }

    record Run(int status, String out, String err) {
        List<JsonNode> lines() {
            return out.lines().map(l -> JsonMapper.shared().readTree(l)).toList();
        }
    }
}
