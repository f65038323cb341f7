package org.vigie.platform.delivery.internal.push;

import com.google.firebase.FirebaseApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.vigie.platform.delivery.PushEndpoint;

/**
 * The push channel: a {@link PushSender} over a Firebase app of its own, to the application's
 * {@link PushEndpoint} (the demo's local FCM endpoint) when it is enabled. Without a target (see {@link PushSettings}) there is no push sender at all and
 * one log line says why.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushSettings.class)
class PushConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PushConfiguration.class);

    PushConfiguration(PushSettings settings) {
        switch (settings.target()) {
            case OFF -> log.info("Push is off (vigie.push.enabled=false)");
            case NOT_CONFIGURED -> log.info("Push is off: no FCM target configured. Set vigie.push.fcm.credentials "
                    + "(a service account's JSON key, for the real FCM), vigie.push.fcm.endpoint (an FCM-compatible server) "
                    + "or vigie.push.fcm.local-endpoint.enabled=true (a local FCM endpoint)");
            default -> {
            }
        }
    }

    @Bean(destroyMethod = "delete")
    @Conditional(PushConfigured.class)
    FirebaseApp pushFirebaseApp(PushSettings settings, ObjectProvider<PushEndpoint> localEndpoint) {
        PushSettings.Fcm fcm = settings.fcm();
        FirebaseApp app = switch (settings.target()) {
            case ENDPOINT -> FcmApps.toEndpoint("vigie-push", fcm.projectId(), fcm.endpoint(), fcm.timeout());
            case LOCAL_ENDPOINT -> FcmApps.toEndpoint("vigie-push", fcm.projectId(), localEndpoint.getObject().url(), fcm.timeout());
            case FCM -> {
                try (InputStream key = Files.newInputStream(fcm.credentials())) {
                    yield FcmApps.withServiceAccount("vigie-push", key, fcm.projectId(), fcm.timeout());
                } catch (IOException e) {
                    throw new IllegalStateException("vigie.push.fcm.credentials: cannot read the service account key "
                            + fcm.credentials() + " (" + e + ")", e);
                }
            }
            default -> throw new IllegalStateException("no push target: " + settings.target());
        };
        log.info("Push through FCM project {} ({})", app.getOptions().getProjectId(),
                switch (settings.target()) {
                    case ENDPOINT -> "endpoint " + fcm.endpoint();
                    case LOCAL_ENDPOINT -> "the local FCM endpoint " + localEndpoint.getObject().url();
                    default -> "fcm.googleapis.com, service account " + fcm.credentials();
                });
        return app;
    }

    @Bean
    @Conditional(PushConfigured.class)
    PushSender pushSender(FirebaseApp pushFirebaseApp, Clock clock) {
        return new PushSender(pushFirebaseApp, clock);
    }
}
