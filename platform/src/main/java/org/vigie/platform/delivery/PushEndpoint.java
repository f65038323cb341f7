package org.vigie.platform.delivery;

import java.net.URI;

/**
 * An FCM-compatible server started with the application (the demo's local endpoint): push goes
 * there when {@code vigie.push.fcm.local-endpoint.enabled=true}. Delivery needs only its address.
 */
public interface PushEndpoint {

    URI url();
}
