package org.vigie.platform.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.platform.Api;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * A seasonal campaign with no season open in the next 60 days shows in {@code /actuator/health}
 * (a WARNING component, the service still UP) and in the log at start-up. Today is 16/03/2026:
 * influenza and RSV open on 15/10/2026, COVID-19's spring season on 14/04/2026.
 */
@VigieApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class SeasonsHealthTests {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    SeasonsHealthIndicator seasons;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode health(Api api, String path) {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private Api operator() {
        return Api.as(port, "operator-1", Role.OPERATOR);
    }

    @Test
    void aLapsedSeasonIsAWarningThatLeavesTheServiceUp() {
        JsonNode health = health(Api.anonymous(port), "/actuator/health");

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("seasons").get("status").asString()).isEqualTo("WARNING");
        assertThat(health.get("components").get("seasons").has("details")).as("details are for operators").isFalse();
        assertThat(health(Api.anonymous(port), "/actuator/health/seasons").get("status").asString()).isEqualTo("WARNING");
    }

    @Test
    void theOperatorSeesEachSeasonalCampaignAndWhenItsNextSeasonOpens() {
        JsonNode details = health(operator(), "/actuator/health").get("components").get("seasons").get("details");

        JsonNode flu = details.get("VACC_FLU");
        assertThat(flu.get("state").asString()).isEqualTo("NO_SEASON_IN_60_DAYS");
        assertThat(flu.get("until").asString()).isEqualTo("2026-05-15");
        assertThat(flu.get("current").isNull()).isTrue();
        assertThat(flu.get("next").get("name").asString()).isEqualTo("2026-2027");
        assertThat(flu.get("next").get("from").asString()).isEqualTo("2026-10-15");
        assertThat(flu.get("next").get("to").asString()).isEqualTo("2027-01-31");
        assertThat(details.get("VACC_RSV").get("state").asString()).isEqualTo("NO_SEASON_IN_60_DAYS");
        assertThat(details.get("VACC_COVID").get("state").asString()).isEqualTo("OPENS_SOON");
        assertThat(details.get("VACC_COVID").get("next").get("name").asString()).isEqualTo("printemps 2026");
        assertThat(details.has("SCREEN_BREAST")).as("not seasonal").isFalse();
    }

    @Test
    void inWinterEverySeasonIsOpenAndTheComponentIsUp() {
        clock.set(LocalDate.of(2026, 12, 7).atStartOfDay(TestClock.PARIS).toInstant());

        JsonNode seasons = health(operator(), "/actuator/health").get("components").get("seasons");

        assertThat(seasons.get("status").asString()).isEqualTo("UP");
        for (String key : new String[] {"VACC_FLU", "VACC_COVID", "VACC_RSV"}) {
            assertThat(seasons.get("details").get(key).get("state").asString()).as(key).isEqualTo("OPEN");
        }
        assertThat(seasons.get("details").get("VACC_FLU").get("current").get("name").asString()).isEqualTo("2026-2027");
        assertThat(seasons.get("details").get("VACC_COVID").get("current").get("name").asString()).isEqualTo("automne 2026-2027");
    }

    @Test
    void warnsInTheLogAtStartUpForEachCampaignWithoutASeasonInTheNextSixtyDays(CapturedOutput output) {
        seasons.warnAtStartUp();

        assertThat(output.getAll()).contains("WARN").contains("VACC_FLU: no season open from 2026-03-16 to 2026-05-15, nobody is "
                + "recommended it meanwhile; the next season, 2026-2027, opens on 2026-10-15 (usual dates)");
        assertThat(output.getAll()).contains("VACC_RSV: no season open from 2026-03-16 to 2026-05-15");
        assertThat(output.getAll()).doesNotContain("VACC_COVID: no season open");
        assertThat(seasons.warnings(LocalDate.of(2026, 12, 7))).as("in winter").isEmpty();
    }
}
