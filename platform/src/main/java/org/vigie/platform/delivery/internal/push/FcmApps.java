package org.vigie.platform.delivery.internal.push;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.NamedInterface;

/**
 * Creates the {@link FirebaseApp}s push goes through. Each has a name of its own (never the
 * default app), so that several can live in one JVM, as in tests.
 */
@NamedInterface("senders")
public final class FcmApps {

    /** The project id of local endpoints when none is given. */
    public static final String LOCAL_PROJECT = "vigie-local";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Date FAR_FUTURE = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    private FcmApps() {
    }

    /**
     * An app whose every call goes to {@code endpoint} (e.g. {@code http://localhost:8099}) instead of
     * {@code https://fcm.googleapis.com}, authorised by a fixed access token: it never reaches the
     * internet, and calls to any other host fail.
     */
    public static FirebaseApp toEndpoint(String name, String projectId, URI endpoint, Duration timeout) {
        NetHttpTransport transport = new NetHttpTransport.Builder()
                .setConnectionFactory(new FcmEndpointConnections(endpoint))
                .build();
        FirebaseOptions options = FirebaseOptions.builder()
                .setProjectId(projectId == null || projectId.isBlank() ? LOCAL_PROJECT : projectId)
                .setCredentials(GoogleCredentials.create(new AccessToken("local", FAR_FUTURE)))
                .setHttpTransport(transport)
                .setConnectTimeout(millis(timeout))
                .setReadTimeout(millis(timeout))
                .build();
        return FirebaseApp.initializeApp(options, uniqueName(name));
    }

    /**
     * An app for the real FCM, authorised by a service account's JSON key; the project is the
     * service account's unless {@code projectId} is given.
     */
    public static FirebaseApp withServiceAccount(String name, InputStream serviceAccountJson, String projectId, Duration timeout)
            throws IOException {
        GoogleCredentials credentials = GoogleCredentials.fromStream(serviceAccountJson);
        String project = projectId != null && !projectId.isBlank() ? projectId
                : credentials instanceof ServiceAccountCredentials account ? account.getProjectId() : null;
        if (project == null || project.isBlank()) {
            throw new IllegalArgumentException("no FCM project: the key has no project_id, and none was given");
        }
        FirebaseOptions options = FirebaseOptions.builder()
                .setCredentials(credentials)
                .setProjectId(project)
                .setConnectTimeout(millis(timeout))
                .setReadTimeout(millis(timeout))
                .build();
        return FirebaseApp.initializeApp(options, uniqueName(name));
    }

    private static String uniqueName(String name) {
        return name + "-" + SEQUENCE.incrementAndGet();
    }

    private static int millis(Duration timeout) {
        return Math.toIntExact(timeout.toMillis());
    }
}
