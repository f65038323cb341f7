package org.vigie.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Quiet hours, the frequency cap, the back-off and the digest's time, without the application. */
class SendWindowTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DeliverySettings SETTINGS = new DeliverySettings(true, 500, Duration.ofMinutes(5), 12, Duration.ofMinutes(1),
            Duration.ofHours(6), 3, Duration.ofDays(7), LocalTime.of(21, 0), LocalTime.of(8, 0), LocalTime.of(18, 0),
            LocalTime.of(18, 0), "http://localhost/", "Vigie <a@vigie.localhost>", 4);

    static Instant paris(int day, int hour, int minute) {
        return LocalDate.of(2026, 3, day).atTime(hour, minute).atZone(PARIS).toInstant();
    }

    final SendWindow window = new SendWindow(SETTINGS, PARIS, RandomGenerator.of("L64X128MixRandom"));

    @Test
    void quietHoursRunOvernightToTheNextMorning() {
        assertThat(window.quietUntil(paris(16, 20, 59))).isNull();
        assertThat(window.quietUntil(paris(16, 21, 0))).isEqualTo(paris(17, 8, 0));
        assertThat(window.quietUntil(paris(16, 23, 59))).isEqualTo(paris(17, 8, 0));
        assertThat(window.quietUntil(paris(17, 0, 0))).isEqualTo(paris(17, 8, 0));
        assertThat(window.quietUntil(paris(17, 7, 59))).isEqualTo(paris(17, 8, 0));
        assertThat(window.quietUntil(paris(17, 8, 0))).isNull();
    }

    @Test
    void quietHoursFollowSummerTime() {
        // 29 March 2026: clocks go forward in Paris
        assertThat(window.quietUntil(paris(28, 22, 0))).isEqualTo(paris(29, 8, 0));
        assertThat(Duration.between(paris(28, 22, 0), paris(29, 8, 0))).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void onlyPreventionByEmailOrPushWaitsForTheMorning() {
        assertThat(SendWindow.quietHoursApply(DeliveryKind.RECOMMENDATION, DeliveryChannel.EMAIL)).isTrue();
        assertThat(SendWindow.quietHoursApply(DeliveryKind.RECOMMENDATION, DeliveryChannel.IN_APP)).isFalse();
        assertThat(SendWindow.quietHoursApply(DeliveryKind.MANDATORY, DeliveryChannel.EMAIL)).isFalse();
        assertThat(SendWindow.quietHoursApply(DeliveryKind.AGENDA_REMINDER, DeliveryChannel.PUSH)).isFalse();
    }

    @Test
    void theCapFreesASlotWhenTheOldestMessageLeavesTheWindow() {
        Instant now = paris(16, 10, 0);
        assertThat(window.capUntil(2, now.minus(Duration.ofDays(1)), now)).isNull();
        assertThat(window.capUntil(3, now.minus(Duration.ofDays(1)), now)).isEqualTo(now.plus(Duration.ofDays(6)));
    }

    @Test
    void backOffDoublesWithJitterUpToItsMaximumAndHonoursRetryAfter() {
        Instant now = paris(16, 10, 0);
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration full = Duration.ofMinutes(1).multipliedBy(1L << (attempt - 1));
            if (full.compareTo(Duration.ofHours(6)) > 0) full = Duration.ofHours(6);
            Duration wait = Duration.between(now, window.retryAt(now, attempt, null));
            assertThat(wait).as("attempt " + attempt).isBetween(full.dividedBy(2), full);
        }
        assertThat(window.retryAt(now, 1, Duration.ofHours(1))).isEqualTo(now.plus(Duration.ofHours(1)));
    }

    @Test
    void aNotificationJoinsTodaysDigestBeforeItsTimeAndTomorrowsAfter() {
        assertThat(window.digestDay(paris(16, 17, 59))).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(window.digestDay(paris(16, 18, 0))).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(window.digestTime(LocalDate.of(2026, 3, 16))).isEqualTo(paris(16, 18, 0));
        assertThat(window.dayBefore(LocalDate.of(2026, 3, 17))).isEqualTo(paris(16, 18, 0));
    }
}
