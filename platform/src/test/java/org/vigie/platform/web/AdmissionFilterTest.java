package org.vigie.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load shedding, with requests held inside the server on purpose: whether a request is taken, waits
 * or is refused depends on the turns in use, never on how fast this machine runs (no timing target).
 */
class AdmissionFilterTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    /** The application: holds the request until released. */
    private final FilterChain held = (request, response) -> {
        entered.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);
    };

    private final FilterChain quick = (request, response) -> ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);

    @AfterEach
    void releaseHeldRequests() {
        release.countDown();
    }

    @Test
    void aRequestBeyondTheTurnsAndTheWaitingRoomIsShedAtOnceAsAProblemWithRetryAfter() throws Exception {
        AdmissionFilter filter = filter(1, 0, Duration.ofSeconds(10));
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call(filter, "/api/v1/me", held));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse shed = call(filter, "/api/v1/me", quick);

        assertThat(shed.getStatus()).isEqualTo(503);
        assertThat(shed.getContentType()).startsWith("application/problem+json");
        assertThat(shed.getHeader("Retry-After")).isEqualTo("2");
        JsonNode problem = JsonMapper.shared().readTree(shed.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("urn:vigie:problem:overloaded");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void theServerRecoversByItselfOnceTheRequestsAtWorkEnd() throws Exception {
        AdmissionFilter filter = filter(1, 0, Duration.ofSeconds(10));
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call(filter, "/api/v1/me", held));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(call(filter, "/api/v1/me", quick).getStatus()).isEqualTo(503);

        release.countDown();
        first.get(10, TimeUnit.SECONDS);

        for (int i = 0; i < 3; i++) assertThat(call(filter, "/api/v1/me", quick).getStatus()).isEqualTo(200);
    }

    @Test
    void aWaitingRequestTakesTheTurnThatEnds() throws Exception {
        AdmissionFilter filter = filter(1, 1, Duration.ofSeconds(20));
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call(filter, "/api/v1/me", held));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> waiting = CompletableFuture.supplyAsync(() -> call(filter, "/api/v1/me", quick));

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(waiting.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestThatWaitedItsLongestIsShed() throws Exception {
        AdmissionFilter filter = filter(1, 1, Duration.ofMillis(50));
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call(filter, "/api/v1/me", held));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(call(filter, "/api/v1/me", quick).getStatus()).isEqualTo(503);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void healthIsNeverShedSoThatABusyNodeIsStillSeenUp() throws Exception {
        AdmissionFilter filter = filter(1, 0, Duration.ofSeconds(10));
        CompletableFuture.supplyAsync(() -> call(filter, "/api/v1/me", held));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(call(filter, "/actuator/health", quick).getStatus()).isEqualTo(200);
        assertThat(call(filter, "/actuator/health/readiness", quick).getStatus()).isEqualTo(200);
    }

    private static AdmissionFilter filter(int maxConcurrent, int maxWaiting, Duration maxWait) {
        return new AdmissionFilter(new AdmissionSettings(true, maxConcurrent, maxWaiting, maxWait, Duration.ofSeconds(2)));
    }

    private static MockHttpServletResponse call(AdmissionFilter filter, String path, FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
