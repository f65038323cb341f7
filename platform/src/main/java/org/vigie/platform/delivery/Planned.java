package org.vigie.platform.delivery;

import java.time.Instant;
import java.util.UUID;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.engine.campaign.NotificationCategory;

/** A delivery to add to the outbox; its idempotency key says which one it is. */
record Planned(CitizenId citizen, DeliveryKind kind, NotificationCategory category, DeliveryChannel channel,
               UUID recommendation, String subject, UUID subjectId, String occurrence, Instant notBefore) {

    static Planned recommendation(CitizenId citizen, UUID recommendation, NotificationCategory category, DeliveryChannel channel,
                                  Instant at) {
        return recommendation(citizen, recommendation, "1", category, channel, at);
    }

    /** A recommendation's notification; {@code occurrence} tells a notice of it due again (after a missed appointment) from the first. */
    static Planned recommendation(CitizenId citizen, UUID recommendation, String occurrence, NotificationCategory category,
                                  DeliveryChannel channel, Instant at) {
        return new Planned(citizen, DeliveryKind.RECOMMENDATION, category, channel, recommendation, null, null, occurrence, at);
    }

    /**
     * The idempotency key: the same notification planned twice has the same key. Letters, digits,
     * dots and hyphens only; an occurrence given by a caller is reduced to a name-based UUID.
     */
    String key() {
        String what = switch (kind) {
            case RECOMMENDATION -> "recommendation." + recommendation + "." + occurrence;
            case MANDATORY -> "mandatory." + citizen.value() + "." + subject + "."
                    + UUID.nameUUIDFromBytes(occurrence.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case AGENDA_REMINDER -> "agenda." + subjectId + "." + occurrence.replace(':', '-');
            case DIGEST -> "digest." + citizen.value() + "." + occurrence;
        };
        return what + "." + channel.name().toLowerCase(java.util.Locale.ROOT);
    }
}
