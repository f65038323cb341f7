package org.vigie.platform.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When a notification may go, and when to try again: quiet hours, the frequency cap, the back-off
 * of a failed attempt, the daily digest's time. Pure: the time is an argument, and the citizens' day
 * is that of the application's clock ({@code vigie.time-zone}).
 */
final class SendWindow {

    private final DeliverySettings settings;
    private final ZoneId zone;
    private final RandomGenerator random;

    /** With a random generator of its own (a test's); {@code null}: each thread's. */
    SendWindow(DeliverySettings settings, ZoneId zone, RandomGenerator random) {
        this.settings = settings;
        this.zone = zone;
        this.random = random;
    }

    SendWindow(DeliverySettings settings, ZoneId zone) {
        this(settings, zone, null);
    }

    /** Whether quiet hours apply: notifications of prevention by e-mail and push (not mandatory ones, not the holder's own reminders). */
    static boolean quietHoursApply(DeliveryKind kind, DeliveryChannel channel) {
        return (kind == DeliveryKind.RECOMMENDATION || kind == DeliveryKind.DIGEST) && channel != DeliveryChannel.IN_APP;
    }

    /** Whether the frequency cap counts it: a recommendation's e-mail or push. */
    static boolean capped(DeliveryKind kind, DeliveryChannel channel) {
        return kind == DeliveryKind.RECOMMENDATION && channel != DeliveryChannel.IN_APP;
    }

    /** The end of the quiet hours {@code at} falls in, or null if it is not in them. */
    Instant quietUntil(Instant at) {
        LocalTime from = settings.quietFrom();
        LocalTime until = settings.quietUntil();
        if (from.equals(until)) return null;
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = from.isAfter(until);
        boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(until) : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) return null;
        LocalDate day = overnight && !time.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return day.atTime(until).atZone(zone).toInstant();
    }

    /**
     * When a citizen who already had {@code sent} messages on a channel within the window, the
     * oldest at {@code oldest}, may have another; null if now.
     */
    Instant capUntil(long sent, Instant oldest, Instant now) {
        if (sent < settings.capMessages()) return null;
        Instant free = oldest.plus(settings.capWindow());
        return free.isAfter(now) ? free : null;
    }

    Instant capWindowStart(Instant now) {
        return now.minus(settings.capWindow());
    }

    /**
     * The next attempt after {@code attempts} failed ones: {@code firstRetry × 2^(attempts-1)}, at
     * most {@code maxRetry}, half of it random (jitter, so that retries of many deliveries spread),
     * and never before the receiver's {@code Retry-After}.
     */
    Instant retryAt(Instant now, int attempts, Duration retryAfter) {
        long first = settings.firstRetry().toMillis();
        long max = settings.maxRetry().toMillis();
        long exponential = first << Math.min(Math.max(attempts - 1, 0), 30);
        long delay = Math.min(exponential <= 0 ? max : exponential, max);
        long jittered = delay / 2 + (long) ((random == null ? ThreadLocalRandom.current() : random).nextDouble() * (delay / 2.0));
        Duration wait = Duration.ofMillis(jittered);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) wait = retryAfter;
        return now.plus(wait);
    }

    /** The time of the daily digest that a notification opened at {@code at} joins: today's, or tomorrow's if it is past. */
    LocalDate digestDay(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalTime().isBefore(settings.digestAt()) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    }

    Instant digestTime(LocalDate day) {
        return day.atTime(settings.digestAt()).atZone(zone).toInstant();
    }

    /** The citizens' day {@code at} falls on. */
    LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** When tomorrow's appointment is recalled: the day before, at {@code dayBeforeAt}. */
    Instant dayBefore(LocalDate appointment) {
        return appointment.minusDays(1).atTime(settings.dayBeforeAt()).atZone(zone).toInstant();
    }
}
