package org.vigie.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The tests' clock: {@link VigieApplicationTest#TODAY} at midnight in Paris unless a test moves
 * it, which must put it back ({@link #reset()}) since all tests share one context. In the
 * application, its zone is the configured one ({@code vigie.time-zone}), as the real clock's.
 */
public final class TestClock extends Clock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final Instant START = VigieApplicationTest.TODAY.atStartOfDay(PARIS).toInstant();

    private final ZoneId zone;
    private volatile Instant now = START;

    public TestClock() {
        this(PARIS);
    }

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = START;
    }

    @Override
    public ZoneId getZone() {
        return zone;
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
