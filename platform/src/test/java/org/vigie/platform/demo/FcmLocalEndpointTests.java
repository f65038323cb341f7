package org.vigie.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FcmLocalEndpointTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private FcmLocalEndpoint fcm;

    @AfterEach
    void stop() {
        fcm.close();
    }

    @Test
    void answersASendWithTheNameOfTheMessageInTheProject() throws Exception {
        fcm = FcmLocalEndpoint.start(0);

        HttpResponse<String> first = send("demo", "token-a");
        HttpResponse<String> second = send("demo", "token-b");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("name").asString()).isEqualTo("projects/demo/messages/1");
        assertThat(JSON.readTree(second.body()).path("name").asString()).isEqualTo("projects/demo/messages/2");
        assertThat(fcm.accepted()).isEqualTo(2);
    }

    @Test
    void listsWhatItReceivedNewestFirst() throws Exception {
        fcm = FcmLocalEndpoint.start(0);
        send("demo", "token-a");
        send("demo", "token-b");

        JsonNode page = JSON.readTree(http.send(HttpRequest.newBuilder(fcm.url().resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        assertThat(page.path("accepted").asLong()).isEqualTo(2);
        assertThat(page.path("latest")).extracting(m -> m.path("token").asString()).containsExactly("token-b", "token-a");
        assertThat(page.path("latest").get(0).path("title").asString()).isEqualTo("Vigie");
        assertThat(page.path("latest").get(0).path("status").asInt()).isEqualTo(200);
        assertThat(fcm.received()).extracting(FcmLocalEndpoint.Received::token).containsExactly("token-a", "token-b");
    }

    @Test
    void remembersOnlyTheLastRequestsItIsToldToKeepButCountsThemAll() throws Exception {
        fcm = FcmLocalEndpoint.start(0, 3);
        for (String token : List.of("t1", "t2", "t3", "t4", "t5")) {
            send("demo", token);
        }

        assertThat(fcm.accepted()).isEqualTo(5);
        assertThat(fcm.received()).extracting(FcmLocalEndpoint.Received::token).containsExactly("t3", "t4", "t5");
    }

    @Test
    void resetForgetsWhatItReceived() throws Exception {
        fcm = FcmLocalEndpoint.start(0);
        send("demo", "token-a");

        fcm.reset();

        assertThat(fcm.accepted()).isZero();
        assertThat(fcm.received()).isEmpty();
        assertThat(send("demo", "token-b").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String project, String token) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("message", Map.of(
                "token", token, "notification", Map.of("title", "Vigie", "body", "Du nouveau"))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(fcm.url() + "/v1/projects/" + project + "/messages:send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
