/**
 * Delivery of notifications, exactly once per idempotency key: a transactional outbox of
 * deliveries (citizen, recommendation, channel, occurrence), a dispatcher that sends them through
 * each channel's {@link org.vigie.platform.delivery.ChannelSender}, retries with back-off and
 * jitter, and moves them to dead letters after a bounded number of attempts.
 */
package org.vigie.platform.delivery;
