package org.vigie.platform;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publications a test caused, to wait until their (asynchronous) listeners have handled
 * them: taken before the test acts, so that a publication left unhandled by an earlier test (a
 * database restarted under a listener) does not make this one wait.
 */
public final class Publications {

    private final JdbcClient jdbc;
    private final Set<UUID> unhandledBefore;

    private Publications(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.unhandledBefore = unhandled(jdbc);
    }

    public static Publications from(JdbcClient jdbc) {
        return new Publications(jdbc);
    }

    /** Waits until every publication made since {@link #from} has been handled by its listener. */
    public void awaitHandled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Set<UUID> now = new HashSet<>(unhandled(jdbc));
            now.removeAll(unhandledBefore);
            return now.isEmpty();
        });
    }

    public long count() {
        return jdbc.sql("select count(*) from event_publication").query(Long.class).single();
    }

    private static Set<UUID> unhandled(JdbcClient jdbc) {
        return new HashSet<>(jdbc.sql("select id from event_publication where completion_date is null").query(UUID.class).list());
    }
}
