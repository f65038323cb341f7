package org.vigie.platform.delivery.internal.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

class FcmEndpointConnectionsTests {

    private final FcmEndpointConnections connections = new FcmEndpointConnections(URI.create("http://localhost:8099/"));

    @Test
    void sendsFcmCallsToTheSamePathOnTheEndpoint() throws IOException {
        HttpURLConnection connection = connections.openConnection(
                new URL("https://fcm.googleapis.com/v1/projects/vigie-local/messages:send"));

        assertThat(connection.getURL()).hasToString("http://localhost:8099/v1/projects/vigie-local/messages:send");
    }

    @Test
    void refusesEveryOtherHostSoThatNothingReachesTheInternet() {
        assertThatIOException().isThrownBy(() -> connections.openConnection(new URL("https://oauth2.googleapis.com/token")))
                .withMessageContaining("oauth2.googleapis.com is not FCM");
        assertThatIOException().isThrownBy(() -> connections.openConnection(new URL("https://fcm.googleapis.com.example.org/v1")));
    }

    @Test
    void refusesAnEndpointThatIsNotAnHttpUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FcmEndpointConnections(URI.create("localhost:8099")));
        assertThatIllegalArgumentException().isThrownBy(() -> new FcmEndpointConnections(URI.create("ftp://localhost:8099")));
    }
}
