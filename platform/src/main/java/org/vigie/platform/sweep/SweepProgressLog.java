package org.vigie.platform.sweep;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The progress of sweeps in the log: at most one INFO line per sweep every {@code progress-every}
 * on each node, and one when the sweep finishes, written by the node that checked in its last chunk.
 */
@Component
class SweepProgressLog {

    private static final Logger log = LoggerFactory.getLogger(SweepProgressLog.class);

    private final SweepStore store;
    private final SweepSettings settings;
    private final Clock clock;
    private final Map<Long, Long> lastLine = new ConcurrentHashMap<>();

    SweepProgressLog(SweepStore store, SweepSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    void report(ChunkOutcome outcome) {
        if (outcome.sweepStatus() == null) return;
        long sweep = outcome.claim().sweep();
        long now = System.nanoTime();
        boolean finished = outcome.sweepStatus() != SweepStatus.RUNNING;
        if (!finished) {
            Long last = lastLine.putIfAbsent(sweep, now);
            if (last == null || now - last < settings.progressEvery().toNanos()) return;
            if (!lastLine.replace(sweep, last, now)) return; // another worker of this node just wrote it
        } else {
            lastLine.remove(sweep);
        }
        try {
            store.find(sweep).ifPresent(row -> log.info(line(row.withProgressAt(clock.instant()))));
        } catch (RuntimeException e) {
            log.debug("Progress of sweep {} not read: {}", sweep, e.getMessage());
        }
    }

    static String line(Sweep s) {
        Sweep.Progress p = s.progress();
        String what = "Sweep " + s.id() + " (" + (s.allCampaigns() ? "every campaign" : String.join(", ", s.campaigns()))
                + ", on " + s.on() + ")";
        String figures = String.format(Locale.ROOT, "%d/%d chunks (%.1f%%), %d/%d citizens, %s", p.chunksFinished(),
                p.chunksTotal(), p.percent(), p.citizensDone(), p.citizensTotal(),
                p.citizensPerSecond() == null ? "rate not known yet" : Math.round(p.citizensPerSecond()) + " citizens/s");
        if (s.status() == SweepStatus.RUNNING) {
            return what + ": " + figures + (p.etaSeconds() == null ? "" : ", about " + p.etaSeconds() + " s left");
        }
        return what + " " + s.status() + ": " + figures + ", " + s.citizensEvaluated() + " evaluated, " + s.citizensSkipped()
                + " skipped (space not created), " + s.citizensFailed() + " failed (isolated, see sweep_failure), " + s.chunksFailed()
                + " chunks failed; recommendations opened " + s.opened() + ", closed " + s.closed();
    }
}
