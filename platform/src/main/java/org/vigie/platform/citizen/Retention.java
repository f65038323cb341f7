package org.vigie.platform.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention (P10, docs/space-sources.md#retention-after-closure): a closed space is kept ten years after its closure, then
 * purged, data and traces included; at once when the holder asked for deletion on closing.
 * Its schedule comes with the campaign runs.
 */
@Service
public class Retention {

    private final JdbcClient jdbc;
    private final SpaceData data;
    private final Clock clock;

    Retention(JdbcClient jdbc, SpaceData data, Clock clock) {
        this.jdbc = jdbc;
        this.data = data;
        this.clock = clock;
    }

    /** Purges every closed space whose retention is over (or whose deletion was requested); returns those purged. */
    @Transactional
    public List<CitizenId> purge() {
        Instant now = clock.instant();
        Instant closedBefore = now.atOffset(ZoneOffset.UTC).minusYears(Account.RETENTION_YEARS).toInstant();
        List<CitizenId> due = jdbc.sql("""
                        select id from citizen where account_status = 'CLOSED'
                        and (deletion_requested or closed_at <= ?) order by closed_at for update""")
                .param(CitizenTable.ts(closedBefore))
                .query((rs, n) -> new CitizenId(rs.getObject(1, UUID.class)))
                .list();
        due.forEach(data::purge);
        return due;
    }
}
