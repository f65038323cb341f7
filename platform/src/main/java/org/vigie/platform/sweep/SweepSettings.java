package org.vigie.platform.sweep;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Population sweeps.
 *
 * @param defaultCron   when a campaign's sweep runs, unless {@code cron.<campaign-id>} says otherwise:
 *                      a Quartz cron in {@code vigie.time-zone}, or {@code -} for never
 *                      (campaigns sharing a schedule are swept together, evaluated once per citizen)
 * @param cron          per campaign id ({@code vigie.sweeps.cron.screen-breast}), as {@code defaultCron}
 * @param chunkSize     citizens per chunk: a chunk is one transaction and one checkpoint
 * @param workers       threads claiming chunks on this node; 0 = as many as processors
 * @param evaluationThreads threads evaluating a chunk's citizens; 0 = as many as processors
 * @param claimTimeout  a chunk claimed longer ago than this by a node that holds no lock on it (died)
 *                      is claimed again
 * @param maxAttempts   a chunk failing this many times (other than for a lost database) is marked
 *                      FAILED, and so is a chunk claimed this many times
 * @param pollInterval  how often an idle worker looks for chunks (this node's own sweeps wake it at once)
 * @param progressEvery at most one progress line per sweep in the log this often, per node
 * @param maxBackoff    the longest wait between two attempts when the database is unreachable
 * @param node          this node's name in claims ({@code claimed_by}); default host name and process id
 */
@ConfigurationProperties("vigie.sweeps")
record SweepSettings(
        @DefaultValue("0 30 2 * * ?") String defaultCron,
        Map<String, String> cron,
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("0") int workers,
        @DefaultValue("0") int evaluationThreads,
        @DefaultValue("10m") Duration claimTimeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10s") Duration progressEvery,
        @DefaultValue("30s") Duration maxBackoff,
        String node) {

    SweepSettings {
        cron = cron == null ? Map.of() : Map.copyOf(cron);
        if (chunkSize < 1) throw new IllegalArgumentException("vigie.sweeps.chunk-size must be at least 1, not " + chunkSize);
        if (workers < 0) throw new IllegalArgumentException("vigie.sweeps.workers must not be negative");
        if (evaluationThreads < 0) throw new IllegalArgumentException("vigie.sweeps.evaluation-threads must not be negative");
        if (maxAttempts < 1) throw new IllegalArgumentException("vigie.sweeps.max-attempts must be at least 1");
        if (node == null || node.isBlank()) node = defaultNode();
    }

    int workerCount() {
        return workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
    }

    int evaluationThreadCount() {
        return evaluationThreads == 0 ? Runtime.getRuntime().availableProcessors() : evaluationThreads;
    }

    /** The cron of a campaign's sweep. */
    String cronOf(String campaign) {
        return cron.getOrDefault(campaign, defaultCron);
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
