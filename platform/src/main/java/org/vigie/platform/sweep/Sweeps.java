package org.vigie.platform.sweep;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.platform.citizen.CitizenRange;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.evaluation.RuleSets;

/**
 * Starts sweeps and says where they are. Starting one only plans it — the sweep row and its chunks,
 * cut from the stored citizens in id order — in one transaction; the workers of every node do the
 * work ({@link SweepWork}).
 */
@Service
public class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final SweepStore store;
    private final CitizenSpaces spaces;
    private final RuleSets ruleSets;
    private final SweepSettings settings;
    private final ObjectProvider<SweepWorkers> workers;
    private final Clock clock;

    Sweeps(SweepStore store, CitizenSpaces spaces, RuleSets ruleSets, SweepSettings settings,
           ObjectProvider<SweepWorkers> workers, Clock clock) {
        this.store = store;
        this.spaces = spaces;
        this.ruleSets = ruleSets;
        this.settings = settings;
        this.workers = workers;
        this.clock = clock;
    }

    /** The campaign ids of the rule set in force, in its order: what a sweep may name. */
    public List<String> campaigns() {
        return campaignsOf(ruleSets.live());
    }

    private static List<String> campaignsOf(RuleSet rules) {
        return rules.campaigns().stream().map(Campaign::id).toList();
    }

    /**
     * Plans a sweep: its chunks cover every citizen stored, in id order; those stored while it runs
     * are swept too. Refuses a campaign the rule set does not have.
     */
    @Transactional
    public Sweep start(SweepRequest request) {
        // the version in force now, recorded with the sweep: every chunk runs on it
        RuleSet rules = ruleSets.live();
        List<String> known = campaignsOf(rules);
        List<String> campaigns;
        if (request.campaigns() == null) {
            campaigns = known;
        } else {
            for (String c : new TreeSet<>(request.campaigns())) {
                if (!known.contains(c)) throw new UnknownCampaign(c, known);
            }
            campaigns = known.stream().filter(request.campaigns()::contains).toList();
        }
        int chunkSize = request.chunkSize() != null ? request.chunkSize() : settings.chunkSize();
        Instant now = clock.instant();
        List<CitizenRange> ranges = spaces.ranges(chunkSize);
        long id = store.create(campaigns, campaigns.size() == known.size(), request.on(), rules.id(), request.requestedBy(),
                chunkSize, ranges, now);
        log.info("Sweep {} started by {}: {} on {}, {} citizens in {} chunks of {}", id, request.requestedBy(),
                campaigns.size() == known.size() ? "every campaign" : String.join(", ", campaigns), request.on(),
                ranges.stream().mapToLong(CitizenRange::citizens).sum(), ranges.size(), chunkSize);
        wakeWorkersAfterCommit();
        return find(id).orElseThrow();
    }

    /**
     * A scheduled sweep of some campaigns on today's date (in the scheduling time zone): not started
     * again while the same sweep is still running (a long sweep, or a firing caught up after a
     * restart).
     */
    @Transactional
    public Optional<Sweep> startScheduled(Set<String> campaigns, LocalDate on) {
        if (store.running(campaigns, on)) {
            log.info("Scheduled sweep of {} on {} not started: the same sweep is still running", campaigns, on);
            return Optional.empty();
        }
        return Optional.of(start(new SweepRequest(campaigns, on, "schedule", null)));
    }

    @Transactional(readOnly = true)
    public Optional<Sweep> find(long id) {
        Instant now = clock.instant();
        return store.find(id).map(row -> row.withProgressAt(now));
    }

    /** The most recent sweeps first. */
    @Transactional(readOnly = true)
    public List<Sweep> latest(int limit) {
        Instant now = clock.instant();
        return store.latest(limit).stream().map(row -> row.withProgressAt(now)).toList();
    }

    /** The sweep's chunks, in order. */
    @Transactional(readOnly = true)
    List<SweepChunk> chunks(long sweep) {
        if (store.find(sweep).isEmpty()) throw new UnknownSweep(sweep);
        return store.chunks(sweep);
    }

    /** The sweep's chunks in one status (those being worked on, those that failed). */
    @Transactional(readOnly = true)
    List<SweepChunk> chunks(long sweep, ChunkStatus status) {
        return store.chunks(sweep, status);
    }

    /** The citizens the sweep isolated (its first {@code limit}), with the cause. */
    @Transactional(readOnly = true)
    List<SweepFailure> failures(long sweep, int limit) {
        return store.failures(sweep, limit);
    }

    private void wakeWorkersAfterCommit() {
        SweepWorkers local = workers.getIfAvailable();
        if (local == null) return;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.wake();
                }
            });
        } else {
            local.wake();
        }
    }
}
