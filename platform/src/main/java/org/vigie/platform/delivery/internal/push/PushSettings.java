package org.vigie.platform.delivery.internal.push;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Push settings. Push goes to {@code fcm.endpoint} when it is set, else to the local endpoint when
 * it is enabled, else to the real FCM when a service account is given; with none of them (the
 * embedded defaults) push is off, so that nothing ever reaches the internet unasked.
 *
 * @param enabled false: no push at all
 */
@ConfigurationProperties("vigie.push")
record PushSettings(@DefaultValue("true") boolean enabled, @DefaultValue Fcm fcm) {

    /**
     * @param projectId     the Firebase project; by default the service account's, or {@code vigie-local} for an endpoint
     * @param credentials   the service account's JSON key file (production)
     * @param endpoint      e.g. {@code http://localhost:8099}: every FCM call goes there, with a fixed access token
     * @param timeout       connect and read timeout of each call
     * @param localEndpoint a local FCM endpoint started with the application
     */
    record Fcm(String projectId, Path credentials, URI endpoint, @DefaultValue("10s") Duration timeout,
               @DefaultValue LocalEndpoint localEndpoint) {
    }

    /**
     * @param enabled true: send push to the local FCM endpoint started with the application (the
     *                demo's, which reads its own port and size under the same prefix)
     */
    record LocalEndpoint(@DefaultValue("false") boolean enabled) {
    }

    /** Where push goes under these settings. */
    enum Target {
        /** {@code vigie.push.enabled=false}. */
        OFF,
        /** Nothing configured: no push rather than a try at the internet. */
        NOT_CONFIGURED,
        ENDPOINT,
        LOCAL_ENDPOINT,
        FCM;

        boolean sends() {
            return this != OFF && this != NOT_CONFIGURED;
        }
    }

    Target target() {
        if (!enabled) return Target.OFF;
        if (fcm.endpoint() != null) return Target.ENDPOINT;
        if (fcm.localEndpoint().enabled()) return Target.LOCAL_ENDPOINT;
        if (fcm.credentials() != null) return Target.FCM;
        return Target.NOT_CONFIGURED;
    }
}
