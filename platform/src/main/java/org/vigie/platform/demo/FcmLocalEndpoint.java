package org.vigie.platform.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.delivery.PushEndpoint;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server speaking the FCM HTTP v1 API (WireMock), for the demo, the benchmark and the tests:
 * {@code POST /v1/projects/{project}/messages:send} answers 200
 * {@code {"name": "projects/{project}/messages/{n}"}}, and {@code GET /} (or {@code /messages}) lists
 * the pushes it received, newest first. It listens on the loopback interface only.
 *
 * <p>Tests add FCM's error answers through {@link #wireMock()}; {@link #reset()} forgets them and
 * what was received.
 */
public final class FcmLocalEndpoint implements PushEndpoint, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FcmLocalEndpoint.class);
    private static final String TRANSFORMER = "vigie-fcm-local";
    private static final String SEND_PATH = "/v1/projects/([^/]+)/messages:send";
    private static final Pattern SEND = Pattern.compile(SEND_PATH);
    private static final int LISTED = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One push as the endpoint received it; {@code status} is what it answered. */
    public record Received(Instant at, String project, String token, String title, String body, String link, int status) {
    }

    private final WireMockServer server;
    private final AtomicLong accepted = new AtomicLong();

    private FcmLocalEndpoint(int port, Integer keepAtMost) {
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("org/vigie/platform/demo/fcm-local-endpoint")
                .notifier(new LogNotifier())
                .extensions(new Answers());
        if (port == 0) {
            options.dynamicPort();
        } else {
            options.port(port);
        }
        if (keepAtMost != null) {
            options.maxRequestJournalEntries(keepAtMost);
        }
        this.server = new WireMockServer(options);
    }

    /** Starts an endpoint that keeps every request it receives (tests); port 0: any free port. */
    public static FcmLocalEndpoint start(int port) {
        return start(port, null);
    }

    /** Starts an endpoint that remembers only the last {@code keepAtMost} requests (the demo, benchmarks). */
    public static FcmLocalEndpoint start(int port, Integer keepAtMost) {
        FcmLocalEndpoint endpoint = new FcmLocalEndpoint(port, keepAtMost);
        endpoint.server.start();
        endpoint.stubFcm();
        return endpoint;
    }

    @Override
    public URI url() {
        return URI.create("http://localhost:" + server.port());
    }

    /** How many sends it answered with 200 since it started or was last reset (not bounded by what it keeps). */
    public long accepted() {
        return accepted.get();
    }

    /** The sends it remembers, oldest first. */
    public List<Received> received() {
        List<ServeEvent> events = server.getAllServeEvents();
        List<Received> received = new ArrayList<>(events.size());
        for (int i = events.size() - 1; i >= 0; i--) {
            ServeEvent event = events.get(i);
            Matcher send = SEND.matcher(event.getRequest().getUrl());
            if ("POST".equals(event.getRequest().getMethod().getName()) && send.matches()) {
                received.add(received(event, send.group(1)));
            }
        }
        return received;
    }

    /** The WireMock server, to add FCM's error answers in tests; they take precedence over the 200. */
    public WireMockServer wireMock() {
        return server;
    }

    /** Forgets what it received and any answer added through {@link #wireMock()}. */
    public void reset() {
        server.resetAll();
        accepted.set(0);
        stubFcm();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void stubFcm() {
        server.stubFor(post(urlPathMatching(SEND_PATH)).atPriority(10)
                .willReturn(aResponse().withTransformers(TRANSFORMER)));
        server.stubFor(get(urlPathMatching("/|/messages")).atPriority(10)
                .willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    private static Received received(ServeEvent event, String project) {
        LoggedRequest request = event.getRequest();
        int status = event.getResponse() == null ? 0 : event.getResponse().getStatus();
        Instant at = request.getLoggedDate() == null ? null : request.getLoggedDate().toInstant();
        try {
            JsonNode message = JSON.readTree(request.getBodyAsString()).path("message");
            // the data key the push sender puts the space's link under (PushSenderTests holds them together)
            return new Received(at, project, text(message.path("token")),
                    text(message.path("notification").path("title")), text(message.path("notification").path("body")),
                    text(message.path("data").path("link")), status);
        } catch (JacksonException notJson) {
            return new Received(at, project, null, null, null, null, status);
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private String listing() {
        List<Received> received = received();
        List<Received> latest = new ArrayList<>(received.subList(Math.max(0, received.size() - LISTED), received.size()));
        Collections.reverse(latest);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("accepted", accepted.get());
        page.put("remembered", received.size());
        page.put("latest", latest);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(page);
    }

    /** Answers sends with a message name, and the listing with what was received. */
    private final class Answers implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Matcher send = SEND.matcher(event.getRequest().getUrl());
            String body;
            if (send.matches()) {
                long n = accepted.incrementAndGet();
                body = JSON.writeValueAsString(Map.of("name", "projects/" + send.group(1) + "/messages/" + n));
            } else {
                body = listing();
            }
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                    .withBody(body).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }

    /** WireMock's own messages go to this class's logger (never to standard output). */
    private static final class LogNotifier implements Notifier {

        @Override
        public void info(String message) {
            log.debug(message);
        }

        @Override
        public void error(String message) {
            log.warn(message);
        }

        @Override
        public void error(String message, Throwable t) {
            log.warn(message, t);
        }
    }
}
