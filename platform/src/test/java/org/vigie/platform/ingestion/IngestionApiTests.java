package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.platform.Api;
import org.vigie.platform.Publications;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.CitizenSpaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@VigieApplicationTest
class IngestionApiTests {

    @LocalServerPort
    int port;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void storesSnapshotsAndListsTheRejectedOnesWithTheirLines() throws Exception {
        String run = IngestionFixtures.run();

        HttpResponse<String> response = post("application/x-ndjson", IngestionFixtures.snapshots(run));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JsonMapper.shared().readTree(response.body());
        assertSummary(report, 5, 2, 0, 3);
        assertThat(report.get("rejections")).extracting(r -> r.get("line").asInt()).containsExactly(3, 4, 6);
        assertThat(report.get("rejections").get(1).get("error").asString()).startsWith("citizenId: is required");
        assertThat(spaces.findByExternalId(run + "-man")).isPresent();
        assertThat(spaces.findByExternalId(run + "-typo")).isEmpty();
    }

    @Test
    void sendingTheSameSnapshotsAgainChangesNothing() throws Exception {
        String body = IngestionFixtures.snapshots(IngestionFixtures.run());
        Publications publications = Publications.from(jdbc);
        post("application/x-ndjson", body);
        publications.awaitHandled();
        Map<String, Long> before = IngestionFixtures.rowCounts(jdbc);

        HttpResponse<String> again = post("application/x-ndjson", body);

        assertSummary(JsonMapper.shared().readTree(again.body()), 5, 0, 2, 3);
        assertThat(IngestionFixtures.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void storesOneFhirBundleOnceAndLeavesItUnchangedTheSecondTime() throws Exception {
        String run = IngestionFixtures.run();
        String bundle = IngestionFixtures.womanBundle(run);

        HttpResponse<String> first = post("application/fhir+json", bundle);
        HttpResponse<String> second = post("application/fhir+json", bundle);

        assertThat(first.statusCode()).isEqualTo(200);
        assertSummary(JsonMapper.shared().readTree(first.body()), 1, 1, 0, 0);
        assertSummary(JsonMapper.shared().readTree(second.body()), 1, 0, 1, 0);
        assertThat(spaces.findByExternalId(ExternalId.INS_NIR + "|" + run)).isPresent();
    }

    @Test
    void rejectsABundleWithAFactAboutAnotherPatientWholeNamingTheEntry() throws Exception {
        HttpResponse<String> response = post("application/fhir+json", IngestionFixtures.fhir("problems.bundle.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JsonMapper.shared().readTree(response.body());
        assertSummary(report, 1, 0, 0, 1);
        assertThat(report.get("rejections").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(report.get("rejections").get(0).get("error").asString()).contains("entry[5] Condition/someone-else");
        assertThat(spaces.findByExternalId(ExternalId.FHIR_PATIENT_ID + "|m1")).isEmpty();
    }

    @Test
    void readsFhirBundlesOnePerLine() throws Exception {
        String run = IngestionFixtures.run();

        HttpResponse<String> response = post("application/fhir+ndjson", IngestionFixtures.oneLine(IngestionFixtures.womanBundle(run)));

        assertSummary(JsonMapper.shared().readTree(response.body()), 1, 1, 0, 0);
    }

    @Test
    void answersAResourceThatIsNotABundleWithAProblem() throws Exception {
        HttpResponse<String> response = post("application/fhir+json", IngestionFixtures.fhir("patient-not-bundle.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonMapper.shared().readTree(response.body()).get("title").asString()).isEqualTo("Invalid ingestion request");
    }

    @Test
    void answersAnEmptyBodyWithAProblem() throws Exception {
        assertThat(post("application/x-ndjson", "").statusCode()).isEqualTo(400);
        assertThat(post("application/fhir+json", "").statusCode()).isEqualTo(400);
    }

    @Test
    void acceptsOnlyTheIngestionFormats() throws Exception {
        HttpResponse<String> response = post("text/plain", IngestionFixtures.snapshots(IngestionFixtures.run()));

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void reportsEachBadRecordOnItsOwnAndStoresEveryOtherWhole() throws Exception {
        String run = IngestionFixtures.run();
        String body = String.join("\n",
                line(run + "-first", "\"birthDate\":\"1970-01-01\",\"sex\":\"F\""),
                line(run + "-nul", "\"birthDate\":\"1970-01-01\",\"sex\":\"F\",\"conditions\":[{\"code\":\"E11\\u0000\"}]"),
                line("x".repeat(2_700), "\"birthDate\":\"1970-01-01\",\"sex\":\"F\""),
                line(run + "-ancient", "\"birthDate\":\"-999999999-01-01\",\"sex\":\"F\""),
                line(run + "-future", "\"birthDate\":\"1970-01-01\",\"sex\":\"F\",\"acts\":[{\"kind\":\"MAMMOGRAPHY\",\"date\":\"+300000-01-01\"}]"),
                line(run + "-last", "\"birthDate\":\"1980-01-01\",\"sex\":\"M\""));
        long conditions = jdbc.sql("select count(*) from condition").query(Long.class).single();

        HttpResponse<String> response = post("application/x-ndjson", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JsonMapper.shared().readTree(response.body());
        assertSummary(report, 6, 2, 0, 4);
        assertThat(report.get("rejections")).extracting(r -> r.get("line").asInt()).containsExactly(2, 3, 4, 5);
        assertThat(report.get("rejections")).extracting(r -> r.get("error").asString()).satisfiesExactly(
                e -> assertThat(e).startsWith("citizen.conditions[0].code:").contains("NUL"),
                e -> assertThat(e).startsWith("citizenId:"),
                e -> assertThat(e).contains("birthDate"),
                e -> assertThat(e).contains("acts[0].date"));
        assertThat(spaces.findByExternalId(run + "-first")).isPresent();
        assertThat(spaces.findByExternalId(run + "-last")).isPresent();
        assertThat(spaces.findByExternalId(run + "-nul")).isEmpty();
        assertThat(spaces.findByExternalId(run + "-future")).isEmpty();
        assertThat(jdbc.sql("select count(*) from condition").query(Long.class).single()).isEqualTo(conditions);
    }

    private static String line(String externalId, String citizen) {
        return "{\"citizenId\":\"" + externalId + "\",\"citizen\":{" + citizen + "}}";
    }

    private static void assertSummary(JsonNode report, int read, int stored, int unchanged, int rejected) {
        assertThat(report.get("read").asInt()).isEqualTo(read);
        assertThat(report.get("stored").asInt()).isEqualTo(stored);
        assertThat(report.get("unchanged").asInt()).isEqualTo(unchanged);
        assertThat(report.get("rejected").asInt()).isEqualTo(rejected);
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingestions"))
                .header("Content-Type", contentType)
                .header("Authorization", Api.basic("ingestion"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
