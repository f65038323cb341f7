package org.vigie.platform.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests the API works on at once, and how many may wait for a turn and for how long: a
 * request beyond both is refused at once rather than queued, so that past capacity the excess is
 * shed and the requests taken keep a bounded latency (at most {@code maxWait} of waiting plus their
 * own work). Turns are handed out in arrival order.
 */
final class Admission {

    private final Semaphore working;
    private final int maxWaiting;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    Admission(int maxConcurrent, int maxWaiting, Duration maxWait) {
        if (maxConcurrent < 1) throw new IllegalArgumentException("max-concurrent must be at least 1, was " + maxConcurrent);
        if (maxWaiting < 0) throw new IllegalArgumentException("max-waiting must not be negative, was " + maxWaiting);
        this.working = new Semaphore(maxConcurrent, true);
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /** A turn, within {@code maxWait}; false: shed this request. A true answer must be followed by {@link #done()}. */
    boolean enter() throws InterruptedException {
        if (working.tryAcquire()) return true;
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return working.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            waiting.decrementAndGet();
        }
    }

    void done() {
        working.release();
    }
}
