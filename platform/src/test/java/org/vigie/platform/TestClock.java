package org.vigie.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The tests' clock: {@link VigieApplicationTest#TODAY} at midnight in Paris unless a test moves
 * it, which must put it back ({@link #reset()}) since all tests share one context.
 */
public final class TestClock extends Clock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final Instant START = VigieApplicationTest.TODAY.atStartOfDay(PARIS).toInstant();

    private volatile Instant now = START;

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = START;
    }

    @Override
    public ZoneId getZone() {
        return PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
