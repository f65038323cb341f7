package org.vigie.platform.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.vigie.platform.database.LostDatabase;

/**
 * This node's workers ({@code vigie.sweeps.workers}, as many as processors by default): each claims
 * and checks in chunks of any running sweep, as long as there are some, then looks again every
 * {@code poll-interval} — at once when this node starts a sweep. A worker that cannot reach the
 * database waits and tries again, with back-off, for as long as it takes. On shutdown each finishes
 * its chunk (or gives it back) before the application closes its connections.
 */
@Component
class SweepWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SweepWorkers.class);
    private static final long STOP_GRACE_MILLIS = 30_000;

    private final SweepWork work;
    private final SweepSettings settings;
    private final Object signal = new Object();
    private long generation;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SweepWorkers(SweepWork work, SweepSettings settings) {
        this.work = work;
        this.settings = settings;
    }

    /** Something new to claim: idle workers look now rather than at their next poll. */
    void wake() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }

    @Override
    public synchronized void start() {
        if (running) return;
        running = true;
        for (int i = 1; i <= settings.workerCount(); i++) {
            String name = settings.node() + "#" + i;
            Thread thread = new Thread(() -> loop(name), "sweep-worker-" + i);
            threads.add(thread);
            thread.start();
        }
        log.info("{} sweep workers on node {}", threads.size(), settings.node());
    }

    private void loop(String worker) {
        int failures = 0;
        while (running) {
            long seen;
            synchronized (signal) {
                seen = generation;
            }
            try {
                boolean worked = work.processNext(worker).isPresent();
                failures = 0;
                if (!worked) idle(seen, settings.pollInterval().toMillis());
            } catch (RuntimeException e) {
                if (!running) break;
                long wait = Math.min(settings.maxBackoff().toMillis(), 250L << Math.min(failures++, 16));
                wait = wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
                if (LostDatabase.causedBy(e)) {
                    log.warn("Sweep worker {}: database unreachable ({}); looking again in {} ms", worker, e.getMessage(), wait);
                } else {
                    log.error("Sweep worker {}: could not claim a chunk; looking again in {} ms", worker, wait, e);
                }
                idle(seen, wait);
            }
        }
    }

    private void idle(long seen, long millis) {
        synchronized (signal) {
            if (generation != seen || !running) return;
            try {
                signal.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        long deadline = System.currentTimeMillis() + STOP_GRACE_MILLIS;
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
                if (thread.isAlive()) {
                    thread.interrupt(); // a worker waiting for the database gives its chunk back
                    thread.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
