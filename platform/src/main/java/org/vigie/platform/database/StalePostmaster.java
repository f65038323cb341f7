package org.vigie.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After Vigie is killed ({@code kill -9}), its embedded PostgreSQL keeps running, and the next
 * start fails on {@code postmaster.pid}. Such a postmaster is recognised because nobody holds
 * zonky's lock on the data directory any more (a live Vigie holds it for as long as it runs), and
 * it is stopped before a new one starts.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    /** The lock file zonky holds in the data directory while its PostgreSQL runs. */
    private static final String ZONKY_LOCK = "epg-lock";

    private StalePostmaster() {
    }

    static void stopIfOrphaned(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return;
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(ZONKY_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("the PostgreSQL data directory " + dataDirectory
                        + " is in use by another running Vigie; set vigie.embedded-postgres.data-directory to another one");
            }
            postmaster(pidFile).ifPresent(StalePostmaster::stop);
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("the PostgreSQL data directory " + dataDirectory + " is already in use in this process", e);
        }
    }

    /** The live PostgreSQL process the pid file names; empty when it is gone or the pid now names another program. */
    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) return Optional.empty();
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static void stop(ProcessHandle postmaster) {
        log.warn("Stopping PostgreSQL (pid {}) left running by a Vigie that did not shut down", postmaster.pid());
        // SIGTERM: PostgreSQL's smart shutdown; the dead application's connections are already gone
        postmaster.destroy();
        if (!exited(postmaster, 30)) {
            postmaster.destroyForcibly();
            if (!exited(postmaster, 10)) {
                throw new IllegalStateException("cannot stop the stale PostgreSQL process " + postmaster.pid());
            }
        }
    }

    private static boolean exited(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
