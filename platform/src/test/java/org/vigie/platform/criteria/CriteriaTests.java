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
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.cli.ExitStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The criteria catalogue over HTTP (JSON and Markdown) and on the command line, from one rule set. */
@VigieApplicationTest
class CriteriaTests {

    @LocalServerPort
    int port;

    @Autowired
    RuleSet ruleSet;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/criteria"))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listsEveryCampaignWithItsChecksAndDataAsJson() throws Exception {
        HttpResponse<String> response = get("application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("ruleSet").asString()).isEqualTo(ruleSet.id());
        List<CampaignCriteria> expected = ruleSet.criteria();
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

    private static String commandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CriteriaCommand(RuleSetManifest::loadDefault).run(List.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandTakesNoArgument() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CriteriaCommand(() -> {
            throw new AssertionError("must not build the rule set for bad arguments");
        }).run(List.of("--json"), new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(ExitStatus.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("takes no argument");
    }
}
