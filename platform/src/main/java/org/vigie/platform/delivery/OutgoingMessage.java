package org.vigie.platform.delivery;

import java.util.UUID;
import org.vigie.platform.citizen.CitizenId;

/**
 * One message to send: which delivery it is, its idempotency key (the receiver may use it to
 * recognise a resend), the address (an e-mail address or a push device token) and the content,
 * which carries no health data and no campaign topic (P7).
 *
 * @param subject e-mail subject or push title
 * @param text    plain-text body (push body)
 * @param html    HTML body for e-mail; null for push
 * @param link    where in the space the holder finds what is new
 */
public record OutgoingMessage(UUID delivery, String idempotencyKey, CitizenId citizen, String address,
                              String subject, String text, String html, String link) {
}
