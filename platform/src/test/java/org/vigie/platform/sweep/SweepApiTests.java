package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.security.Role;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/sweeps} as an operator sees it. Who else may call it: {@code AccessMatrixTests}. */
@VigieApplicationTest
class SweepApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void leaveNothingRunning() {
        new SweepFixture(context).noneRunning();
    }

    private Api operator() {
        return Api.as(port, "night-operator", Role.OPERATOR);
    }

    @Test
    void startsACampaignsSweepAndShowsItsProgress() {
        HttpResponse<String> started = operator().post("/api/v1/sweeps", "{\"campaign\":\"screen-cervical\",\"on\":\"2026-03-10\"}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode sweep = Api.json(started);
        long id = sweep.get("id").asLong();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/sweeps/" + id);
        assertThat(sweep.get("campaigns").toString()).isEqualTo("[\"screen-cervical\"]");
        assertThat(sweep.get("on").asString()).isEqualTo("2026-03-10");
        assertThat(sweep.get("requestedBy").asString()).isEqualTo("OPERATOR:night-operator");
        assertThat(sweep.get("progress").get("chunksTotal").asInt()).isEqualTo(sweep.get("chunksTotal").asInt());

        new SweepFixture(context).finished(id, Duration.ofMinutes(1));
        HttpResponse<String> one = operator().get("/api/v1/sweeps/" + id);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode detail = Api.json(one);
        assertThat(detail.get("sweep").get("status").asString()).isEqualTo("DONE");
        assertThat(detail.get("sweep").get("progress").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(detail.get("sweep").get("progress").get("citizensDone").asLong())
                .isEqualTo(detail.get("sweep").get("citizensEvaluated").asLong() + detail.get("sweep").get("citizensSkipped").asLong()
                        + detail.get("sweep").get("citizensFailed").asLong());
        assertThat(detail.get("working").size()).isZero();
        assertThat(detail.get("failed").size()).isZero();

        JsonNode latest = Api.json(operator().get("/api/v1/sweeps"));
        assertThat(latest.get(0).get("id").asLong()).isEqualTo(id);
    }

    @Test
    void startsASweepOfEveryCampaignOnTodayByDefault() {
        JsonNode sweep = Api.json(operator().post("/api/v1/sweeps", "{\"campaign\":null}"));

        assertThat(sweep.get("allCampaigns").asBoolean()).isTrue();
        assertThat(sweep.get("on").asString()).isEqualTo(VigieApplicationTest.TODAY.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"campaign\":\"screen-brest\"}|campaign|unknown campaign 'screen-brest'",
            "{\"campaign\":\"screen-breast\",\"on\":\"2026-02-30\"}|on|not a valid date",
            "{\"on\":\"16/03/2026\"}|on|not a valid date",
            "{\"campaign\":7}|campaign|expected a string",
            "{\"campagne\":\"screen-breast\"}|campagne|unknown field",
            "''|''|empty"})
    void refusesABadRequestNamingTheField(String body, String field, String detail) {
        HttpResponse<String> refused = operator().post("/api/v1/sweeps", body);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = Api.json(refused);
        if (field.isEmpty()) {
            assertThat(problem.has("field")).isFalse();
        } else {
            assertThat(problem.get("field").asString()).isEqualTo(field);
        }
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    @Test
    void answersAnUnknownSweepWithAProblem() {
        HttpResponse<String> missing = operator().get("/api/v1/sweeps/987654321");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Api.json(missing).get("type").asString()).isEqualTo("urn:vigie:problem:unknown-sweep");
        assertThat(operator().get("/api/v1/sweeps/latest").statusCode()).isEqualTo(400);
    }
}
