package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.platform.Api;
import org.vigie.platform.Publications;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.AccountState;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.cli.ExitStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real-shaped FHIR records stored through the HTTP endpoint and the {@code ingest} command, on the real database. */
@VigieApplicationTest
class FhirIngestionTests {

    private static final Actor CHECK = Actor.operator("fhir-ingestion-tests");

    @LocalServerPort
    int port;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void storesAColonCancerRecordWithItsMappedFactsCountsTheSkipsAndWritesNothingTheSecondTime() throws Exception {
        String patient = "fhir-crc-" + IngestionFixtures.run();
        String bundle = SyntheticRecords.woman(patient, LocalDate.of(1966, 4, 10))
                .condition("363406005", "Malignant neoplasm of colon (disorder)", LocalDate.of(2021, 2, 1)).json();
        Publications publications = Publications.from(jdbc);

        JsonNode first = json(post("application/fhir+json", bundle));
        publications.awaitHandled();
        Map<String, Long> before = IngestionFixtures.rowCounts(jdbc);
        JsonNode second = json(post("application/fhir+json", bundle));

        assertThat(first.get("stored").asInt()).isEqualTo(1);
        assertThat(first.get("rejected").asInt()).isZero();
        assertThat(first.get("warnings").asInt()).isZero();
        assertThat(first.get("skippedResourceTypes").get("Encounter").asInt()).isPositive();
        assertThat(first.get("skippedResourceTypes").get("ExplanationOfBenefit").asInt()).isPositive();
        assertThat(first.get("skippedCodeSystems").get("http://loinc.org").asInt()).isPositive();
        assertThat(second.get("unchanged").asInt()).isEqualTo(1);
        assertThat(IngestionFixtures.rowCounts(jdbc)).as("a second import writes nothing").isEqualTo(before);
        CitizenId id = spaces.findByExternalId(ExternalId.FHIR_PATIENT_ID + "|" + patient).orElseThrow();
        CitizenFacts stored = spaces.snapshot(CHECK, id, "test").citizen();
        assertThat(stored.conditions()).containsExactly(new Condition("C18.9", LocalDate.of(2021, 2, 1)));
        assertThat(stored.measures()).isNotEmpty();
        assertThat(stored.vaccinations()).isNotEmpty();
        assertThat(statuses(id)).as("evaluated: breast screening is offered").containsKey("SCREEN_BREAST")
                .as("no average-risk colorectal screening").doesNotContainKey("SCREEN_COLORECTAL");
    }

    @Test
    void acceptsABundleSentAsApplicationJson() throws Exception {
        String patient = "fhir-json-" + IngestionFixtures.run();

        HttpResponse<String> response = post("application/json", SyntheticRecords.man(patient, LocalDate.of(1980, 1, 1)).json());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("stored").asInt()).isEqualTo(1);
    }

    @Test
    void aLaterImportWithADeathMakesTheSpaceDeceasedAndWithdrawsEverythingPending() throws Exception {
        String patient = "fhir-death-" + IngestionFixtures.run();
        LocalDate born = LocalDate.of(1954, 6, 6);
        Publications publications = Publications.from(jdbc);
        post("application/fhir+json", SyntheticRecords.man(patient, born).json());
        publications.awaitHandled();
        CitizenId id = spaces.findByExternalId(ExternalId.FHIR_PATIENT_ID + "|" + patient).orElseThrow();
        assertThat(statuses(id)).as("recommended while alive").isNotEmpty().containsValue("OPEN");

        JsonNode report = json(post("application/fhir+json", SyntheticRecords.man(patient, born).died(LocalDate.of(2026, 2, 1)).json()));

        assertThat(report.get("stored").asInt()).isEqualTo(1);
        assertThat(spaces.account(id).state()).isEqualTo(AccountState.DECEASED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(statuses(id).values()).containsOnly("WITHDRAWN"));
    }

    @Test
    void aDeadPatientSeenForTheFirstTimeIsStoredDeceasedAndRecommendedNothing() throws Exception {
        String patient = "fhir-dead-" + IngestionFixtures.run();
        Publications publications = Publications.from(jdbc);

        post("application/fhir+json", SyntheticRecords.woman(patient, LocalDate.of(1950, 3, 3)).died(LocalDate.of(2025, 12, 1)).json());
        publications.awaitHandled();

        CitizenId id = spaces.findByExternalId(ExternalId.FHIR_PATIENT_ID + "|" + patient).orElseThrow();
        assertThat(spaces.account(id).state()).isEqualTo(AccountState.DECEASED);
        assertThat(statuses(id).values()).doesNotContain("OPEN", "NOTIFIED", "SEEN");
    }

    @Test
    void ingestsADirectoryOfBundlesShowingProgressAndNamingTheFileOfABrokenOne() throws Exception {
        String run = IngestionFixtures.run();
        List<String> bundles = SyntheticRecords.population(12, Long.parseLong(run));
        for (int i = 0; i < bundles.size(); i++) {
            Files.writeString(dir.resolve("patient-" + (100 + i) + ".json"), bundles.get(i), StandardCharsets.UTF_8);
        }
        String broken = SyntheticRecords.man("fhir-broken-" + run, LocalDate.of(1960, 1, 1))
                .condition("13645005", "COPD", LocalDate.of(1950, 1, 1)).json();
        Files.writeString(dir.resolve("patient-999.json"), broken, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.txt"), "not a bundle", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = IngestCommand.ingest(context, IngestionFormat.FHIR, dir.toString(), true, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ExitStatus.REJECTED);
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(l -> JsonMapper.shared().readTree(l)).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("file").asString()).isEqualTo("patient-999.json");
        assertThat(lines.get(0).get("error").asString()).contains("dates contradict");
        JsonNode summary = lines.get(1);
        assertThat(summary.get("read").asInt()).isEqualTo(13);
        assertThat(summary.get("stored").asInt()).isEqualTo(12);
        assertThat(summary.get("skippedResourceTypes").get("Claim").asInt()).isPositive();
        List<String> progress = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(progress.get(progress.size() - 1)).as("the closing progress line")
                .startsWith("vigie ingest: 13 records (12 stored, 0 unchanged, 1 rejected), 13 of 13 files in ")
                .contains("records/s, 100 % of ");
        assertThat(spaces.findByExternalId(ExternalId.FHIR_PATIENT_ID + "|fhir-broken-" + run)).isEmpty();
    }

    /** The status of each campaign's latest recommendation for the citizen, by campaign name (SCREEN_BREAST). */
    private Map<String, String> statuses(CitizenId id) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        jdbc.sql("select campaign, status from recommendation where citizen_id = ? order by created_at").param(id.value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> statuses.put(e.getKey().toUpperCase(java.util.Locale.ROOT).replace('-', '_'), e.getValue()));
        return statuses;
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingestions"))
                .header("Content-Type", contentType)
                .header("Authorization", Api.basic("ingestion"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
