package org.vigie.platform.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of the in-app notification centre.
 *
 * @param link                   where in the space it leads (relative to the space)
 * @param personalisedPrevention it comes from personalised prevention, and says so (P5)
 * @param readAt                 when the holder (or a representative) read it; null: unread
 */
public record CentreNotification(UUID id, DeliveryKind kind, String title, String text, String link,
                                 boolean personalisedPrevention, Instant createdAt, Instant readAt) {
}
