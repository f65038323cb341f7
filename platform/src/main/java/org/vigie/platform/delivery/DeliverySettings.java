package org.vigie.platform.delivery;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vigie.delivery.*}: how the dispatcher works and what it allows itself.
 *
 * @param jobs            run the periodic jobs (dispatcher polling, agenda reminders) on this node
 * @param batchSize       deliveries claimed at once by one poll
 * @param lease           how long a claimed delivery is left to its node before another may claim it again
 * @param maxAttempts     attempts before a delivery is dead
 * @param firstRetry      the back-off after the first failed attempt; doubled at each attempt, with jitter
 * @param maxRetry        the longest back-off
 * @param capMessages     at most this many recommendation messages per citizen and channel (e-mail, push) ...
 * @param capWindow       ... within this sliding window; more are deferred, never dropped
 * @param quietFrom       start of the quiet hours (local time in the citizens' day, {@code vigie.time-zone}): notifications
 *                        of prevention wait ...
 * @param quietUntil      ... until this time
 * @param digestAt        when the daily digest of holders without an activated space goes out
 * @param dayBeforeAt     when the reminder of tomorrow's appointment goes out
 * @param link            the space's address, the only link an e-mail carries
 * @param from            the sender of e-mails
 * @param smtpConnections SMTP connections kept open and reused for many messages
 */
@ConfigurationProperties("vigie.delivery")
public record DeliverySettings(
        @DefaultValue("true") boolean jobs,
        @DefaultValue("500") int batchSize,
        @DefaultValue("PT5M") Duration lease,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT6H") Duration maxRetry,
        @DefaultValue("3") int capMessages,
        @DefaultValue("P7D") Duration capWindow,
        @DefaultValue("21:00") LocalTime quietFrom,
        @DefaultValue("08:00") LocalTime quietUntil,
        @DefaultValue("18:00") LocalTime digestAt,
        @DefaultValue("18:00") LocalTime dayBeforeAt,
        @DefaultValue("http://localhost:8080/") String link,
        @DefaultValue("Mon espace santé <ne-pas-repondre@vigie.localhost>") String from,
        @DefaultValue("4") int smtpConnections) {

    public DeliverySettings {
        if (batchSize < 1) throw new IllegalArgumentException("vigie.delivery.batch-size must be at least 1");
        if (maxAttempts < 1) throw new IllegalArgumentException("vigie.delivery.max-attempts must be at least 1");
        if (capMessages < 1) throw new IllegalArgumentException("vigie.delivery.cap-messages must be at least 1");
        if (smtpConnections < 1) throw new IllegalArgumentException("vigie.delivery.smtp-connections must be at least 1");
    }
}
