package org.vigie.platform.delivery.internal.push;

import com.google.api.client.http.javanet.ConnectionFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;

/**
 * Opens firebase-admin's connections to another server than Google's: every call to
 * {@code https://fcm.googleapis.com/…} goes to the same path under {@code endpoint}, and a call to
 * any other host is refused, so that an application configured with a local endpoint never
 * reaches the internet (not even for an access token).
 */
final class FcmEndpointConnections implements ConnectionFactory {

    static final String FCM_ROOT = "https://fcm.googleapis.com";

    private final String endpoint;

    FcmEndpointConnections(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("FCM endpoint must be an http(s) URL such as http://localhost:8099, not " + endpoint);
        }
        String url = endpoint.toString();
        this.endpoint = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public HttpURLConnection openConnection(URL url) throws IOException {
        String target = url.toString();
        if (!target.startsWith(FCM_ROOT + "/")) {
            throw new IOException("not sent: " + url.getProtocol() + "://" + url.getHost()
                    + " is not FCM, and only FCM calls are redirected to " + endpoint);
        }
        URL redirected = URI.create(endpoint + target.substring(FCM_ROOT.length())).toURL();
        return (HttpURLConnection) redirected.openConnection(Proxy.NO_PROXY);
    }

    @Override
    public String toString() {
        return endpoint;
    }
}
