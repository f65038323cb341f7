package org.vigie.platform.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.engine.evaluation.CampaignCriteria;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.cli.ExitStatus;
import org.vigie.platform.evaluation.RuleSets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The criteria catalogue over HTTP (JSON and Markdown) and on the command line, from one rule set. */
@VigieApplicationTest
class CriteriaTests {

    @LocalServerPort
    int port;

    @Autowired
    RuleSets ruleSets;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String accept) throws Exception {
        return get("/api/v1/criteria", accept);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listsEveryCampaignWithItsChecksAndDataAsJson() throws Exception {
        HttpResponse<String> response = get("application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("ruleSet").asString()).isEqualTo(ruleSets.live().id());
        assertThat(body.get("on").asString()).as("today by default").isEqualTo(VigieApplicationTest.TODAY.toString());
        List<CampaignCriteria> expected = ruleSets.live().criteria(VigieApplicationTest.TODAY);
        assertThat(body.get("campaigns").size()).isEqualTo(expected.size());
        JsonNode first = body.get("campaigns").get(0);
        CampaignCriteria breast = expected.get(0);
        assertThat(first.get("key").asString()).isEqualTo(breast.key());
        assertThat(first.get("whoIsConcerned").asString()).isEqualTo(breast.whoIsConcerned());
        assertThat(first.get("pathway").asString()).isEqualTo(breast.pathway().name());
        assertThat(first.get("dataCategories").get(0).asString()).isEqualTo("IDENTITY");
        JsonNode check = first.get("checks").get(0);
        assertThat(check.get("description").asString()).isEqualTo(breast.checks().get(0).description());
        assertThat(check.get("dataUsed").isArray()).isTrue();
    }

    @Test
    void givesTheSameCatalogueAsMarkdownToCitizens() throws Exception {
        HttpResponse<String> response = get("text/markdown");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(response.body()).startsWith("# Les critères de la prévention personnalisée")
                .contains("## Dépistage du cancer du sein (SCREEN_BREAST)");
        assertThat(response.body()).isEqualTo(commandLine());
    }

    @Test
    void givesTheCatalogueInForceOnTheDayAsked() throws Exception {
        JsonNode body = JsonMapper.shared().readTree(get("/api/v1/criteria?on=2026-12-07", "application/json").body());
        assertThat(body.get("on").asString()).isEqualTo("2026-12-07");
        JsonNode flu = campaign(body, "VACC_FLU");
        assertThat(flu.get("season").get("current").get("name").asString()).isEqualTo("2026-2027");
        assertThat(flu.get("season").get("lapsing").asBoolean()).isFalse();
        assertThat(campaign(body, "SCREEN_BREAST").get("season").isNull()).isTrue();

        JsonNode spring = JsonMapper.shared().readTree(get("application/json").body());
        assertThat(campaign(spring, "VACC_FLU").get("season").get("lapsing").asBoolean()).isTrue();
        assertThat(campaign(spring, "VACC_FLU").get("season").get("next").get("from").asString()).isEqualTo("2026-10-15");

        // the pneumococcal text that expired on 28/04/2025 is listed on the day before only
        assertThat(checks(get("/api/v1/criteria?on=2025-04-27", "application/json"), "VACC_PNEUMO")).contains("2025-04-28");
        assertThat(checks(get("/api/v1/criteria?on=2025-04-28", "application/json"), "VACC_PNEUMO")).doesNotContain("\"expires\":\"2025-04-28\"");

        String markdown = get("/api/v1/criteria?on=2026-12-07", "text/markdown").body();
        assertThat(markdown).contains("Règles en vigueur le 07/12/2026.")
                .contains("**Saison :** campagne 2026-2027 en cours, du 15/10/2026 au 31/01/2027 (dates habituelles).");
        assertThat(markdown).isEqualTo(commandLine("--on", "2026-12-07"));
    }

    @Test
    void refusesADayThatIsNoDateAsAProblemNamingTheParameter() throws Exception {
        for (String on : new String[] {"2026-13-01", "07/12/2026", "+999999999-12-31", "2026-12-07T00:00", "1899-12-31"}) {
            HttpResponse<String> response = get("/api/v1/criteria?on=" + java.net.URLEncoder.encode(on, StandardCharsets.UTF_8), "application/json");
            assertThat(response.statusCode()).as(on).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).as(on).contains("on: '" + on + "'");
        }
    }

    private static JsonNode campaign(JsonNode body, String key) {
        for (JsonNode c : body.get("campaigns")) {
            if (c.get("key").asString().equals(key)) return c;
        }
        throw new AssertionError("no campaign " + key);
    }

    private static String checks(HttpResponse<String> response, String key) {
        return campaign(JsonMapper.shared().readTree(response.body()), key).get("checks").toString();
    }

    private static String commandLine(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CriteriaCommand(RuleSetManifest::loadDefault, new TestClock()).run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandRefusesAnythingButADay() {
        for (List<String> args : List.of(List.of("--json"), List.of("--on"), List.of("--on", "2026-02-30"), List.of("--on", "3000-01-01"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new CriteriaCommand(() -> {
                throw new AssertionError("must not build the rule set for bad arguments");
            }, new TestClock()).run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).as(args.toString()).isEqualTo(ExitStatus.FAILURE);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(args.toString()).startsWith("criteria: ").contains("usage: criteria [--on YYYY-MM-DD]");
        }
    }
}
