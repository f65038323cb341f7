package org.vigie.platform.delivery.internal.push;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.vigie.platform.delivery.OutgoingMessage;

/**
 * The FCM message of one outgoing push: a notification with its title and body, the link as the
 * only data field, and nothing else (no citizen, no delivery id, no campaign: P7).
 *
 * <p>FCM chooses the message id itself, so a resend cannot reuse it. Instead the idempotency key,
 * hashed so that it says nothing about the citizen, becomes the Android notification tag and the
 * APNs {@code apns-collapse-id}: a resend of the same delivery replaces the notification the device
 * already shows instead of adding a second one. The Android {@code collapse_key} is left unset: FCM
 * keeps at most four distinct collapse keys per offline device and drops the others, and a key
 * per delivery would make those drops likely.
 */
final class PushMessages {

    static final String LINK = "link";
    static final String APNS_COLLAPSE_ID = "apns-collapse-id";

    private PushMessages() {
    }

    static Message of(OutgoingMessage message) {
        Message.Builder fcm = Message.builder()
                .setToken(message.address())
                .setNotification(Notification.builder()
                        .setTitle(message.subject())
                        .setBody(message.text())
                        .build());
        if (message.link() != null) {
            fcm.putData(LINK, message.link());
        }
        if (message.idempotencyKey() != null) {
            String collapseId = collapseId(message.idempotencyKey());
            fcm.setAndroidConfig(AndroidConfig.builder()
                    .setNotification(AndroidNotification.builder().setTag(collapseId).build())
                    .build());
            fcm.setApnsConfig(ApnsConfig.builder()
                    .putHeader(APNS_COLLAPSE_ID, collapseId)
                    .setAps(Aps.builder().build())
                    .build());
        }
        return fcm.build();
    }

    /** 32 URL-safe characters derived from the key: the same for every resend, within APNs' 64 bytes. */
    static String collapseId(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("vigie-push:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
