package org.vigie.platform.delivery.internal.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.firebase.FirebaseApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.delivery.OutgoingMessage;
import org.vigie.platform.delivery.SendOutcome.Kind;
import org.vigie.platform.delivery.SendOutcome;
import org.vigie.platform.demo.FcmLocalEndpoint;
import org.vigie.platform.demo.FcmLocalEndpointConfiguration;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class PushConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PushConfiguration.class, FcmLocalEndpointConfiguration.class)
            .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-03-16T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void onEmbeddedDefaultsThereIsNoPushAndOneLogLineSaysHowToHaveIt(CapturedOutput output) {
        context.run(app -> {
            assertThat(app).hasNotFailed()
                    .doesNotHaveBean(PushSender.class)
                    .doesNotHaveBean(FirebaseApp.class)
                    .doesNotHaveBean(FcmLocalEndpoint.class);
            assertThat(output).contains("Push is off: no FCM target configured",
                    "vigie.push.fcm.local-endpoint.enabled=true");
        });
    }

    @Test
    void theLocalEndpointReceivesWhatThePushSenderSends() {
        context.withPropertyValues("vigie.push.fcm.local-endpoint.enabled=true", "vigie.push.fcm.local-endpoint.port=0")
                .run(app -> {
                    List<SendOutcome> outcomes = app.getBean(PushSender.class).send(List.of(push("token-a")));

                    assertThat(outcomes).extracting(SendOutcome::kind).containsExactly(Kind.SENT);
                    assertThat(app.getBean(FcmLocalEndpoint.class).received())
                            .extracting(FcmLocalEndpoint.Received::project, FcmLocalEndpoint.Received::token)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(FcmApps.LOCAL_PROJECT, "token-a"));
                });
    }

    @Test
    void pushCanBeSwitchedOff(CapturedOutput output) {
        context.withPropertyValues("vigie.push.enabled=false", "vigie.push.fcm.endpoint=http://localhost:8099")
                .run(app -> {
                    assertThat(app).hasNotFailed().doesNotHaveBean(PushSender.class).doesNotHaveBean(FirebaseApp.class);
                    assertThat(output).contains("Push is off (vigie.push.enabled=false)");
                });
    }

    @Test
    void aConfiguredEndpointGetsEveryCallUnderTheProjectGiven() {
        try (FcmLocalEndpoint elsewhere = FcmLocalEndpoint.start(0)) {
            context.withPropertyValues("vigie.push.fcm.endpoint=" + elsewhere.url(), "vigie.push.fcm.project-id=vigie-staging")
                    .run(app -> {
                        app.getBean(PushSender.class).send(List.of(push("token-a")));

                        assertThat(elsewhere.received()).extracting(FcmLocalEndpoint.Received::project)
                                .containsExactly("vigie-staging");
                    });
        }
    }

    @Test
    void twoApplicationsWithPushLiveSideBySideAndDeleteTheirAppOnClose() {
        ApplicationContextRunner local = context.withPropertyValues(
                "vigie.push.fcm.local-endpoint.enabled=true", "vigie.push.fcm.local-endpoint.port=0");
        String[] names = new String[2];
        local.run(first -> local.run(second -> {
            names[0] = first.getBean(FirebaseApp.class).getName();
            names[1] = second.getBean(FirebaseApp.class).getName();
            assertThat(names[0]).isNotEqualTo(names[1]).isNotEqualTo(FirebaseApp.DEFAULT_APP_NAME);
            assertThat(first.getBean(PushSender.class).send(List.of(push("a"))))
                    .extracting(SendOutcome::kind).containsExactly(Kind.SENT);
            assertThat(second.getBean(PushSender.class).send(List.of(push("b"))))
                    .extracting(SendOutcome::kind).containsExactly(Kind.SENT);
        }));
        assertThat(FirebaseApp.getApps()).extracting(FirebaseApp::getName).doesNotContain(names);
    }

    @Test
    void aServiceAccountKeyTargetsTheRealFcmUnderItsProject(@TempDir Path dir) throws Exception {
        Path key = serviceAccountKey(dir, "vigie-production");

        context.withPropertyValues("vigie.push.fcm.credentials=" + key).run(app -> {
            // nothing is sent here: that would be a call to Google
            assertThat(app).hasNotFailed().hasSingleBean(PushSender.class);
            assertThat(app.getBean(FirebaseApp.class).getOptions().getProjectId()).isEqualTo("vigie-production");
        });
    }

    @Test
    void aMissingServiceAccountKeyStopsTheStart(@TempDir Path dir) {
        context.withPropertyValues("vigie.push.fcm.credentials=" + dir.resolve("missing.json"))
                .run(app -> assertThat(app).hasFailed());
    }

    private static OutgoingMessage push(String token) {
        UUID delivery = UUID.randomUUID();
        return new OutgoingMessage(delivery, delivery.toString(), new CitizenId(UUID.randomUUID()), token,
                "Vigie", "Du nouveau vous attend dans votre espace santé.", null, "https://vigie.example/espace");
    }

    /** A service account's JSON key as Google issues it, with a key made up here. */
    private static Path serviceAccountKey(Path dir, String project) throws NoSuchAlgorithmException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> json = new LinkedHashMap<>();
        json.put("type", "service_account");
        json.put("project_id", project);
        json.put("private_key_id", "test-key");
        json.put("private_key", pem);
        json.put("client_email", "push@" + project + ".iam.gserviceaccount.com");
        json.put("client_id", "1");
        json.put("token_uri", "https://oauth2.googleapis.com/token");
        Path file = dir.resolve("service-account.json");
        Files.writeString(file, JsonMapper.builder().build().writeValueAsString(json));
        return file;
    }
}
