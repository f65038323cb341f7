package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.platform.Api;
import org.vigie.platform.Publications;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.cli.ExitStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data NDJSON ({@code $export}: one resource per line, one file per type, people mixed)
 * stored through {@code ingest --format fhir-ndjson} and the HTTP endpoint, on the real database:
 * the same people sent as Bundles give the same stored facts and recommendations.
 */
@VigieApplicationTest
class FhirNdjsonIngestionTests {

    private static final Actor CHECK = Actor.operator("fhir-ndjson-tests");
    private static final int PEOPLE = 12;

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
    void anExportDirectoryStoresTheSameFactsAndRecommendationsAsTheSamePeopleSentAsBundlesAndNothingTheSecondTime() throws Exception {
        long seed = 7_000 + Long.parseLong(IngestionFixtures.run());
        List<String> bundles = SyntheticRecords.population(PEOPLE, seed);
        String prefix = "pop-" + seed + "-";
        String exported = "ndj-" + seed + "-";
        Publications publications = Publications.from(jdbc);
        for (String bundle : bundles) assertThat(post("application/fhir+json", bundle).get("rejected").asInt()).isZero();
        Map<String, List<String>> export = SyntheticExport.of(bundles.stream().map(b -> b.replace(prefix, exported)).toList(), seed);
        for (Map.Entry<String, List<String>> type : export.entrySet()) {
            Files.write(dir.resolve(type.getKey() + ".ndjson"), type.getValue(), StandardCharsets.UTF_8);
        }

        Run first = ingest();
        publications.awaitHandled();
        Map<String, Long> before = IngestionFixtures.rowCounts(jdbc);
        Run second = ingest();

        assertThat(first.status()).as(first.out()).isEqualTo(ExitStatus.OK);
        assertThat(first.summary().get("read").asInt()).isEqualTo(PEOPLE);
        assertThat(first.summary().get("stored").asInt()).isEqualTo(PEOPLE);
        assertThat(first.summary().get("skippedResourceTypes").get("Claim").asInt()).isPositive();
        assertThat(first.summary().get("skippedResourceTypes").get("Organization").asInt()).as("no patient, not read").isEqualTo(PEOPLE);
        assertThat(first.err()).contains("resources grouped by patient").contains("vigie ingest: 12 records (12 stored");
        assertThat(second.summary().get("unchanged").asInt()).isEqualTo(PEOPLE);
        assertThat(IngestionFixtures.rowCounts(jdbc)).as("a second import writes nothing").isEqualTo(before);
        int recommended = 0;
        for (int i = 0; i < PEOPLE; i++) {
            CitizenId fromBundle = citizen(prefix + i);
            CitizenId fromExport = citizen(exported + i);
            assertThat(comparable(facts(fromExport))).as("person %d", i).isEqualTo(comparable(facts(fromBundle)));
            assertThat(statuses(fromExport)).as("person %d", i).isEqualTo(statuses(fromBundle));
            if (!statuses(fromExport).isEmpty()) recommended++;
        }
        assertThat(recommended).as("people recommended something (the dead are not)").isPositive();
    }

    @Test
    void aBadLineIsAWarningWithItsFileAndLineAndResourcesOfAPatientNotInTheExportAreRejectedAlone() throws Exception {
        String run = IngestionFixtures.run();
        List<String> bundles = List.of(SyntheticRecords.woman("ndj-ok-" + run, java.time.LocalDate.of(1961, 5, 5))
                .condition("13645005", "Chronic obstructive lung disease (disorder)", java.time.LocalDate.of(2015, 1, 1)).json());
        Map<String, List<String>> export = SyntheticExport.of(bundles, 1);
        List<String> conditions = new ArrayList<>(export.get("Condition"));
        conditions.add(1, "{\"resourceType\":\"Condition\", not json");
        conditions.add("{\"resourceType\":\"Condition\",\"id\":\"ghost-c\",\"subject\":{\"reference\":\"Patient/ndj-ghost-" + run + "/_history/2\"},"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"13645005\"}]}}");
        export.put("Condition", conditions);
        for (Map.Entry<String, List<String>> type : export.entrySet()) {
            Files.write(dir.resolve(type.getKey() + ".ndjson"), type.getValue(), StandardCharsets.UTF_8);
        }

        Run run1 = ingest();

        assertThat(run1.status()).as(run1.out()).isEqualTo(ExitStatus.REJECTED);
        List<JsonNode> lines = run1.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("file").asString()).isEqualTo("Condition.ndjson");
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("warning").asString()).contains("not one JSON value");
        assertThat(lines.get(1).get("file").asString()).isEqualTo("Condition.ndjson");
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(conditions.size());
        assertThat(lines.get(1).get("error").asString()).contains("Patient/ndj-ghost-" + run).contains("no Patient resource");
        assertThat(run1.summary().get("stored").asInt()).isEqualTo(1);
        assertThat(run1.summary().get("rejected").asInt()).isEqualTo(1);
        assertThat(run1.summary().get("warnings").asInt()).isEqualTo(1);
        assertThat(facts(citizen("ndj-ok-" + run)).conditions()).extracting(c -> c.code()).containsExactly("J44.9");
    }

    @Test
    void theHttpEndpointTakesAnExportAsFhirNdjsonWithItsLinesInAnyOrder() throws Exception {
        String run = IngestionFixtures.run();
        long seed = 9_000 + Long.parseLong(run);
        List<String> lines = new ArrayList<>();
        SyntheticExport.of(SyntheticRecords.population(3, seed), seed).values().forEach(lines::addAll);
        java.util.Collections.shuffle(lines, new Random(seed));
        String body = String.join("\n", lines) + "\n";

        JsonNode byType = post("application/fhir+ndjson", body);
        JsonNode byParameter = postTo("?format=fhir-ndjson", "application/x-ndjson", body);

        assertThat(byType.get("stored").asInt()).as(byType.toString()).isEqualTo(3);
        assertThat(byParameter.get("unchanged").asInt()).as(byParameter.toString()).isEqualTo(3);
        for (int i = 0; i < 3; i++) assertThat(facts(citizen("pop-" + seed + "-" + i)).measures()).isNotEmpty();
    }

    private record Run(int status, String out, String err) {
        List<JsonNode> lines() {
            return out.lines().map(l -> JsonMapper.shared().readTree(l)).toList();
        }

        JsonNode summary() {
            List<JsonNode> lines = lines();
            return lines.get(lines.size() - 1);
        }
    }

    private Run ingest() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = IngestCommand.ingest(context, IngestionFormat.FHIR_NDJSON, dir.toString(), true, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private CitizenId citizen(String patientId) {
        return spaces.findByExternalId(ExternalId.FHIR_PATIENT_ID + "|" + patientId).orElseThrow(() -> new AssertionError(patientId));
    }

    private CitizenFacts facts(CitizenId id) {
        return spaces.snapshot(CHECK, id, "test").citizen();
    }

    /** Every component of the facts, lists in a stable order: an export does not keep a Bundle's entry order. */
    private static Map<String, Object> comparable(CitizenFacts facts) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        for (RecordComponent component : CitizenFacts.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(facts);
            if (value instanceof List<?> list) {
                value = list.stream().map(String::valueOf).sorted(Comparator.naturalOrder()).toList();
            }
            all.put(component.getName(), value);
        }
        return all;
    }

    /** The status of each campaign's latest recommendation for the citizen, by campaign. */
    private Map<String, String> statuses(CitizenId id) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        jdbc.sql("select campaign, status from recommendation where citizen_id = ? order by created_at").param(id.value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> statuses.put(e.getKey(), e.getValue()));
        return statuses;
    }

    private JsonNode post(String contentType, String body) throws Exception {
        return postTo("", contentType, body);
    }

    private JsonNode postTo(String query, String contentType, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingestions" + query))
                .header("Content-Type", contentType)
                .header("Authorization", Api.basic("ingestion"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
