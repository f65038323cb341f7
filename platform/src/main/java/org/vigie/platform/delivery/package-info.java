/**
 * Delivery of notifications, exactly once in effect: a transactional outbox of deliveries (citizen,
 * what it is about, channel, occurrence; a unique idempotency key), planned from the events of
 * other modules, and a dispatcher that checks each again at send time, sends it through its
 * channel's {@link org.vigie.platform.delivery.ChannelSender} (e-mail, push) or into the in-app
 * {@link org.vigie.platform.delivery.NotificationCentre}, retries with back-off and jitter, and
 * moves it to dead letters after a bounded number of attempts. Content says only that something new
 * awaits in the space (P7).
 */
@ApplicationModule(allowedDependencies = {"citizen", "recommendation", "scheduling"})
package org.vigie.platform.delivery;

import org.springframework.modulith.ApplicationModule;
