package org.vigie.platform.delivery.internal.push;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.firebase.FirebaseApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.NotificationChannel;
import org.vigie.platform.delivery.OutgoingMessage;
import org.vigie.platform.delivery.SendOutcome.Kind;
import org.vigie.platform.delivery.SendOutcome;
import org.vigie.platform.demo.FcmLocalEndpoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * The push sender against a local server speaking the FCM v1 API: real HTTP through
 * firebase-admin, with FCM's own error answers.
 */
class PushSenderTests {

    private static final Instant NOW = Instant.parse("2026-03-16T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TITLE = "Vigie";
    private static final String BODY = "Du nouveau vous attend dans votre espace santé.";
    private static final String LINK = "https://vigie.example/espace/a-la-une";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FcmLocalEndpoint fcm;
    private static FirebaseApp app;
    private PushSender sender;

    @BeforeAll
    static void startFcm() {
        fcm = FcmLocalEndpoint.start(0);
        app = FcmApps.toEndpoint("push-sender-tests", "vigie-test", fcm.url(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopFcm() {
        app.delete();
        fcm.close();
    }

    @BeforeEach
    void forgetPreviousAnswers() {
        fcm.reset();
        sender = new PushSender(app, CLOCK);
    }

    @Test
    void isThePushChannel() {
        assertThat(sender.channel()).isEqualTo(NotificationChannel.PUSH);
    }

    @Test
    void sendsEachMessageOfABatchAsANotificationCarryingOnlyTitleBodyAndLink() {
        List<OutgoingMessage> batch = List.of(push("token-a"), push("token-b"), push("token-c"));

        List<SendOutcome> outcomes = sender.send(batch);

        assertThat(outcomes).extracting(SendOutcome::kind).containsExactly(Kind.SENT, Kind.SENT, Kind.SENT);
        assertThat(fcm.received())
                .extracting(FcmLocalEndpoint.Received::project, FcmLocalEndpoint.Received::token,
                        FcmLocalEndpoint.Received::title, FcmLocalEndpoint.Received::body, FcmLocalEndpoint.Received::link)
                .containsExactlyInAnyOrder(
                        tuple("vigie-test", "token-a", TITLE, BODY, LINK),
                        tuple("vigie-test", "token-b", TITLE, BODY, LINK),
                        tuple("vigie-test", "token-c", TITLE, BODY, LINK));
        List<LoggedRequest> requests = sends();
        assertThat(requests).hasSize(3);
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer local");
            Map<String, Object> message = message(request);
            assertThat(message).containsOnlyKeys("token", "notification", "data", "android", "apns");
            assertThat(message.get("notification")).isEqualTo(Map.of("title", TITLE, "body", BODY));
            assertThat(message.get("data")).isEqualTo(Map.of("link", LINK));
        }
        for (OutgoingMessage sent : batch) {
            // nothing that identifies the citizen or the delivery leaves Vigie (P7)
            assertThat(requests).noneMatch(r -> r.getBodyAsString().contains(sent.citizen().toString())
                    || r.getBodyAsString().contains(sent.delivery().toString())
                    || r.getBodyAsString().contains(sent.idempotencyKey()));
        }
    }

    @Test
    void aResendCarriesTheSameCollapseIdentifierSoThatTheDeviceShowsItOnce() {
        OutgoingMessage first = push("token-a");
        OutgoingMessage resend = new OutgoingMessage(UUID.randomUUID(), first.idempotencyKey(), first.citizen(), "token-a",
                TITLE, BODY, null, LINK);
        OutgoingMessage another = push("token-a");

        sender.send(List.of(first));
        sender.send(List.of(resend));
        sender.send(List.of(another));

        List<String> tags = sends().stream().map(r -> androidTag(message(r))).toList();
        List<String> apnsIds = sends().stream().map(r -> apnsCollapseId(message(r))).toList();
        String collapseId = PushMessages.collapseId(first.idempotencyKey());
        assertThat(tags).containsExactlyInAnyOrder(collapseId, collapseId, PushMessages.collapseId(another.idempotencyKey()));
        assertThat(apnsIds).isEqualTo(tags);
        assertThat(collapseId).hasSize(32).doesNotContain(first.idempotencyKey());
    }

    @Test
    void splitsALargeBatchIntoCallsOfAtMostFiveHundred() {
        // sendEach refuses more than 500 messages: 700 SENT means the batch went out in two calls
        List<OutgoingMessage> batch = IntStream.range(0, 700).mapToObj(i -> push("device-" + i)).toList();

        List<SendOutcome> outcomes = sender.send(batch);

        assertThat(outcomes).hasSize(700).allMatch(o -> o.kind() == Kind.SENT);
        assertThat(fcm.accepted()).isEqualTo(700);
        assertThat(fcm.received()).extracting(FcmLocalEndpoint.Received::token)
                .containsExactlyInAnyOrderElementsOf(batch.stream().map(OutgoingMessage::address).toList());
    }

    @Test
    void anUnregisteredTokenIsAnInvalidAddress() {
        answer("gone", fcmError(404, "unregistered"));

        List<SendOutcome> outcomes = sender.send(List.of(push("gone")));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.ADDRESS_INVALID);
            assertThat(o.detail()).contains("UNREGISTERED", "404");
        });
    }

    @Test
    void anInvalidArgumentAboutTheRegistrationTokenIsAnInvalidAddress() {
        answer("not-a-token", fcmError(400, "invalid-token"));
        answer("malformed", fcmError(400, "invalid-token-field"));

        assertThat(sender.send(List.of(push("not-a-token"), push("malformed"))))
                .extracting(SendOutcome::kind).containsExactly(Kind.ADDRESS_INVALID, Kind.ADDRESS_INVALID);
    }

    @Test
    void anInvalidArgumentAboutAnythingElseIsRejectedAndTheTokenKept() {
        answer("token-a", fcmError(400, "invalid-argument"));

        assertThat(sender.send(List.of(push("token-a")))).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.REJECTED);
            assertThat(o.detail()).contains("INVALID_ARGUMENT", "message.android.ttl");
        });
    }

    @Test
    void anyOtherErrorIsRejected() {
        answer("token-a", fcmError(403, "sender-id-mismatch"));

        assertThat(sender.send(List.of(push("token-a")))).singleElement()
                .satisfies(o -> assertThat(o.detail()).contains("SENDER_ID_MISMATCH"))
                .extracting(SendOutcome::kind).isEqualTo(Kind.REJECTED);
    }

    @Test
    void quotaExceededIsToRetryAfterWhatFcmAsked() {
        answer("token-a", fcmError(429, "quota-exceeded").withHeader("Retry-After", "30"));

        assertThat(sender.send(List.of(push("token-a")))).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.RETRY);
            assertThat(o.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(sends()).as("firebase-admin does not retry a 429 itself").hasSize(1);
    }

    @Test
    void aRetryAfterDateIsTheTimeLeftUntilThen() {
        String in90Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atOffset(ZoneOffset.UTC));
        answer("token-a", fcmError(429, "quota-exceeded").withHeader("Retry-After", in90Seconds));

        assertThat(sender.send(List.of(push("token-a")))).singleElement()
                .extracting(SendOutcome::retryAfter).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anInternalErrorIsToRetryAndFirebaseLeavesItToTheDispatcher() {
        answer("token-a", fcmError(500, "internal"));

        assertThat(sender.send(List.of(push("token-a")))).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.RETRY);
            assertThat(o.retryAfter()).isNull();
        });
        assertThat(sends()).hasSize(1);
    }

    @Test
    void unavailableIsRetriedFourTimesByFirebaseThenIsOneRetryOutcome() {
        answer("token-a", fcmError(503, "unavailable").withHeader("Retry-After", "1"));

        List<SendOutcome> outcomes = sender.send(List.of(push("token-a")));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.RETRY);
            assertThat(o.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        });
        assertThat(sends()).as("the first call and firebase-admin's 4 retries").hasSize(5);
    }

    @Test
    void unavailableForLongerThanAMinuteComesBackAtOnce() {
        answer("token-a", fcmError(503, "unavailable").withHeader("Retry-After", "120"));

        assertThat(sender.send(List.of(push("token-a")))).singleElement()
                .extracting(SendOutcome::kind, SendOutcome::retryAfter).containsExactly(Kind.RETRY, Duration.ofMinutes(2));
        assertThat(sends()).as("firebase-admin waits at most 60 s itself").hasSize(1);
    }

    @Test
    void anUnreachableFcmIsToRetry() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FirebaseApp nowhere = FcmApps.toEndpoint("push-sender-tests-nowhere", "vigie-test",
                URI.create("http://localhost:" + closedPort), Duration.ofSeconds(2));
        try {
            assertThat(new PushSender(nowhere, CLOCK).send(List.of(push("token-a"), push("token-b"))))
                    .extracting(SendOutcome::kind).containsExactly(Kind.RETRY, Kind.RETRY);
        } finally {
            nowhere.delete();
        }
    }

    @Test
    void aMessageWithoutTokenIsAnInvalidAddressAndIsNotSent() {
        assertThat(sender.send(List.of(push(""), push("token-a"))))
                .extracting(SendOutcome::kind).containsExactly(Kind.ADDRESS_INVALID, Kind.SENT);
        assertThat(sends()).hasSize(1);
    }

    @Test
    void mixedOutcomesComeBackInTheOrderOfTheMessages() {
        answer("gone", fcmError(404, "unregistered"));
        answer("not-a-token", fcmError(400, "invalid-token"));
        answer("busy", fcmError(429, "quota-exceeded").withHeader("Retry-After", "30"));
        answer("broken", fcmError(500, "internal"));
        answer("bad-ttl", fcmError(400, "invalid-argument"));
        List<String> tokens = List.of("ok-1", "gone", "not-a-token", "busy", "ok-2", "broken", "bad-ttl", "", "ok-3");

        List<SendOutcome> outcomes = sender.send(tokens.stream().map(PushSenderTests::push).toList());

        assertThat(outcomes).extracting(SendOutcome::kind).containsExactly(
                Kind.SENT, Kind.ADDRESS_INVALID, Kind.ADDRESS_INVALID, Kind.RETRY, Kind.SENT, Kind.RETRY, Kind.REJECTED,
                Kind.ADDRESS_INVALID, Kind.SENT);
        assertThat(outcomes.get(3).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sends()).as("one request per message with a token").hasSize(8);
    }

    private static OutgoingMessage push(String token) {
        UUID delivery = UUID.randomUUID();
        return new OutgoingMessage(delivery, "delivery:" + delivery, new CitizenId(UUID.randomUUID()), token,
                TITLE, BODY, null, LINK);
    }

    private static void answer(String token, ResponseDefinitionBuilder response) {
        fcm.wireMock().stubFor(post(urlPathMatching("/v1/projects/[^/]+/messages:send")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(response));
    }

    private static ResponseDefinitionBuilder fcmError(int status, String name) {
        try (InputStream body = PushSenderTests.class.getResourceAsStream("/fcm/" + name + ".json")) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                    .withBody(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LoggedRequest> sends() {
        return fcm.wireMock().findAll(postRequestedFor(urlPathMatching("/v1/projects/vigie-test/messages:send")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> message(LoggedRequest request) {
        return (Map<String, Object>) JSON.readValue(request.getBodyAsString(), Map.class).get("message");
    }

    @SuppressWarnings("unchecked")
    private static String androidTag(Map<String, Object> message) {
        Map<String, Object> android = (Map<String, Object>) message.get("android");
        assertThat(android).containsOnlyKeys("notification");
        Map<String, Object> notification = (Map<String, Object>) android.get("notification");
        assertThat(notification).containsOnlyKeys("tag");
        return (String) notification.get("tag");
    }

    @SuppressWarnings("unchecked")
    private static String apnsCollapseId(Map<String, Object> message) {
        Map<String, Object> apns = (Map<String, Object>) message.get("apns");
        assertThat(apns.get("payload")).isEqualTo(Map.of("aps", Map.of()));
        Map<String, Object> headers = (Map<String, Object>) apns.get("headers");
        assertThat(headers).containsOnlyKeys("apns-collapse-id");
        return (String) headers.get("apns-collapse-id");
    }
}
