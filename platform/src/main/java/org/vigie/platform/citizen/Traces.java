package org.vigie.platform.citizen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only trace of every read and write of a citizen's data (P9), visible to the holder.
 * The database refuses to update or delete it; only the retention purge removes the trace of a
 * purged space.
 */
@Service
public class Traces {

    private final JdbcClient jdbc;
    private final Clock clock;

    Traces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends one entry, in the caller's transaction if there is one (the trace and the action stand or fall together). */
    @Transactional(propagation = Propagation.REQUIRED)
    public Trace record(Actor actor, CitizenId citizen, String what, String why) {
        Trace trace = new Trace(actor, citizen, clock.instant(), what, why);
        jdbc.sql("""
                        insert into trace (occurred_at, actor_kind, actor_id, citizen_id, action, reason)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(trace.at()), actor.kind().name(), actor.id(), citizen.value(), what, why)
                .update();
        return trace;
    }

    /**
     * Appends the same entry to the trace of each of many citizens in one statement (a chunk of a
     * sweep, notifications sent to a batch), in the caller's transaction if there is one.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(Actor actor, Collection<CitizenId> citizens, String what, String why) {
        if (citizens.isEmpty()) return;
        jdbc.sql("""
                        insert into trace (occurred_at, actor_kind, actor_id, citizen_id, action, reason)
                        select ?, ?, ?, c, ?, ? from unnest(?::uuid[]) as c""")
                .params(Timestamp.from(clock.instant()), actor.kind().name(), actor.id(), what, why,
                        citizens.stream().map(CitizenId::value).toArray(UUID[]::new))
                .update();
    }

    /** The citizen's trace, oldest first. */
    @Transactional(readOnly = true)
    public List<Trace> of(CitizenId citizen) {
        return jdbc.sql("""
                        select actor_kind, actor_id, occurred_at, action, reason from trace
                        where citizen_id = ? order by occurred_at, id""")
                .param(citizen.value())
                .query((rs, n) -> new Trace(new Actor(Actor.Kind.valueOf(rs.getString(1)), rs.getString(2)), citizen,
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Removes the trace of a purged space: the only deletion the database lets through. */
    void purge(CitizenId citizen) {
        jdbc.sql("select set_config('vigie.retention_purge', 'on', true)").query(String.class).single();
        jdbc.sql("delete from trace where citizen_id = ?").param(citizen.value()).update();
        jdbc.sql("select set_config('vigie.retention_purge', 'off', true)").query(String.class).single();
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
