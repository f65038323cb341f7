package org.vigie.platform.delivery;

import java.time.Instant;
import java.util.UUID;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.engine.campaign.NotificationCategory;

/**
 * One row of the outbox: a notification to send to a citizen on one channel, once.
 *
 * @param idempotencyKey unique; sent with the message so that a receiver can recognise a resend
 * @param category       the preference category of a recommendation's notification; null otherwise
 * @param recommendation the recommendation notified about; null unless {@link DeliveryKind#RECOMMENDATION}
 * @param subject        a mandatory notification's kind, or the kind of agenda entry; null otherwise
 * @param subjectId      the agenda entry's id; null otherwise
 * @param occurrence     which occurrence of what it is about (a reminder's time, a digest's day, ...)
 * @param attempts       attempts to send so far
 * @param lastError      why the last attempt failed, or why it was cancelled or deferred
 * @param messageKey     the idempotency key of the message that carried it (several of one citizen may share one)
 */
public record Delivery(UUID id, String idempotencyKey, CitizenId citizen, DeliveryKind kind, NotificationCategory category,
                       DeliveryChannel channel, UUID recommendation, String subject, UUID subjectId, String occurrence,
                       DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError, String messageKey,
                       Instant createdAt, Instant sentAt) {
}
