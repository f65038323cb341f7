package org.vigie.platform.sweep;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenRange;

/** The {@code sweep} and {@code sweep_chunk} tables. Knows the SQL, decides nothing. */
@Component
class SweepStore {

    private static final String SWEEP_COLUMNS = """
            id, campaigns, all_campaigns, on_date, rule_set, requested_by, status, chunk_size, chunks_total, chunks_done,
            chunks_failed, citizens_planned, citizens_evaluated, citizens_skipped, citizens_failed, opened, closed,
            started_at, updated_at, finished_at""";
    private static final String CHUNK_COLUMNS = """
            sweep_id, number, from_id, to_id, planned, status, claimed_by, claimed_at, claims, done_at, evaluated, skipped,
            failed, opened, closed, error""";

    private final JdbcClient jdbc;

    SweepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a chunk's checkpoint adds to its sweep. */
    record Counts(int evaluated, int skipped, int failed, int opened, int closed) {
    }

    /** A sweep and its chunks, in two statements; a sweep of no citizen is done at once. */
    long create(List<String> campaigns, boolean all, LocalDate on, String ruleSet, String requestedBy, int chunkSize,
                List<CitizenRange> ranges, Instant now) {
        long planned = ranges.stream().mapToLong(CitizenRange::citizens).sum();
        boolean empty = ranges.isEmpty();
        long id = jdbc.sql("insert into sweep (campaigns, all_campaigns, on_date, rule_set, requested_by, status, chunk_size, "
                        + "chunks_total, citizens_planned, started_at, updated_at, finished_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(campaigns.toArray(String[]::new), all, on, ruleSet, requestedBy,
                        (empty ? SweepStatus.DONE : SweepStatus.RUNNING).name(), chunkSize, ranges.size(), planned, ts(now),
                        ts(now), empty ? ts(now) : null)
                .query(Long.class).single();
        if (!empty) {
            Integer[] numbers = new Integer[ranges.size()];
            UUID[] from = new UUID[ranges.size()];
            UUID[] to = new UUID[ranges.size()];
            Integer[] sizes = new Integer[ranges.size()];
            for (int i = 0; i < ranges.size(); i++) {
                CitizenRange r = ranges.get(i);
                numbers[i] = i + 1;
                from[i] = r.from() == null ? null : r.from().value();
                to[i] = r.to() == null ? null : r.to().value();
                sizes[i] = r.citizens();
            }
            jdbc.sql("""
                            insert into sweep_chunk (sweep_id, number, from_id, to_id, planned, status)
                            select ?, n, f, t, p, 'PENDING' from unnest(?::int[], ?::uuid[], ?::uuid[], ?::int[]) as c(n, f, t, p)""")
                    .params(id, numbers, from, to, sizes).update();
        }
        return id;
    }

    Optional<SweepRow> find(long id) {
        return jdbc.sql("select " + SWEEP_COLUMNS + " from sweep where id = ?").param(id).query(SweepStore::sweep).optional();
    }

    /** The most recent sweeps first. */
    List<SweepRow> latest(int limit) {
        return jdbc.sql("select " + SWEEP_COLUMNS + " from sweep order by id desc limit ?").param(limit)
                .query(SweepStore::sweep).list();
    }

    /** Whether a sweep of exactly these campaigns on that date is still running. */
    boolean running(Collection<String> campaigns, LocalDate on) {
        String[] sorted = campaigns.stream().sorted().toArray(String[]::new);
        return jdbc.sql("""
                        select exists (select 1 from sweep where status = 'RUNNING' and on_date = ?
                        and (select array_agg(c order by c) from unnest(campaigns) c) = ?::text[])""")
                .params(on, sorted).query(Boolean.class).single();
    }

    List<SweepChunk> chunks(long sweep, ChunkStatus status) {
        return jdbc.sql("select " + CHUNK_COLUMNS + " from sweep_chunk where sweep_id = ? and status = ? order by number")
                .params(sweep, status.name()).query(SweepStore::chunk).list();
    }

    List<SweepChunk> chunks(long sweep) {
        return jdbc.sql("select " + CHUNK_COLUMNS + " from sweep_chunk where sweep_id = ? order by number")
                .param(sweep).query(SweepStore::chunk).list();
    }

    /**
     * Claims the first open chunk of the oldest running sweep: a pending one, or one whose claim is
     * older than {@code expiredBefore} and that nobody holds locked (a worker checking a chunk in
     * holds its row locked, so a slow worker is never robbed). One statement, its own transaction.
     */
    Optional<ChunkClaim> claim(String worker, Instant now, Instant expiredBefore) {
        return jdbc.sql("""
                        with next as (
                          select sweep_id, number from sweep_chunk
                          where status = 'PENDING' or (status = 'CLAIMED' and claimed_at < ?)
                          order by sweep_id, number
                          limit 1
                          for update skip locked)
                        update sweep_chunk c set status = 'CLAIMED', claimed_by = ?, claimed_at = ?, claims = c.claims + 1
                        from next where c.sweep_id = next.sweep_id and c.number = next.number
                        returning c.sweep_id, c.number, c.claims, c.from_id, c.to_id, c.planned""")
                .params(ts(expiredBefore), worker, ts(now))
                .query((rs, n) -> new ChunkClaim(rs.getLong(1), rs.getInt(2), worker, rs.getInt(3),
                        new CitizenRange(citizen(rs, 4), citizen(rs, 5), rs.getInt(6))))
                .optional();
    }

    /** Where a claim stands, seen under the chunk's row lock. */
    enum Hold {
        /** Still claimed by this claim: the row is locked until the end of the transaction. */
        HELD,
        /** Already checked in by this claim (an earlier attempt committed, but its answer was lost). */
        CHECKED_IN,
        /** Taken over by another claim, or given up. */
        LOST
    }

    /** Locks the chunk's row until the end of the transaction, and says whether the claim still holds it. */
    Hold lock(ChunkClaim claim) {
        return jdbc.sql("select status, claimed_by, claims from sweep_chunk where sweep_id = ? and number = ? for update")
                .params(claim.sweep(), claim.chunk())
                .query((rs, n) -> {
                    boolean mine = claim.worker().equals(rs.getString(2)) && rs.getInt(3) == claim.claims();
                    ChunkStatus status = ChunkStatus.valueOf(rs.getString(1));
                    if (!mine) return Hold.LOST;
                    return status == ChunkStatus.CLAIMED ? Hold.HELD : status == ChunkStatus.DONE ? Hold.CHECKED_IN : Hold.LOST;
                })
                .optional().orElse(Hold.LOST);
    }

    /** The counts a chunk was checked in with. */
    Counts counts(ChunkClaim claim) {
        return jdbc.sql("select evaluated, skipped, failed, opened, closed from sweep_chunk where sweep_id = ? and number = ?")
                .params(claim.sweep(), claim.chunk())
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))).single();
    }

    void markDone(ChunkClaim claim, Counts counts, Instant now) {
        jdbc.sql("update sweep_chunk set status = 'DONE', done_at = ?, evaluated = ?, skipped = ?, failed = ?, opened = ?, "
                        + "closed = ?, error = null where sweep_id = ? and number = ?")
                .params(ts(now), counts.evaluated(), counts.skipped(), counts.failed(), counts.opened(), counts.closed(),
                        claim.sweep(), claim.chunk())
                .update();
    }

    void markFailed(ChunkClaim claim, String error, Instant now) {
        jdbc.sql("update sweep_chunk set status = 'FAILED', done_at = ?, error = ? where sweep_id = ? and number = ?")
                .params(ts(now), error, claim.sweep(), claim.chunk()).update();
    }

    /** Lists the citizens a chunk's check-in isolated, with the cause: in the check-in's transaction. */
    void recordFailures(ChunkClaim claim, List<SweepWork.CitizenFailure> failures, Instant now) {
        UUID[] citizens = failures.stream().map(f -> f.citizen().value()).toArray(UUID[]::new);
        String[] causes = failures.stream().map(SweepWork.CitizenFailure::cause).toArray(String[]::new);
        jdbc.sql("""
                        insert into sweep_failure (sweep_id, chunk, citizen_id, cause, failed_at)
                        select ?, ?, c, cause, ? from unnest(?::uuid[], ?::text[]) as f(c, cause)
                        on conflict (sweep_id, citizen_id) do nothing""")
                .params(claim.sweep(), claim.chunk(), ts(now), citizens, causes).update();
    }

    /** The citizens a sweep isolated, in chunk order. */
    List<SweepFailure> failures(long sweep, int limit) {
        return jdbc.sql("select chunk, citizen_id, cause, failed_at from sweep_failure where sweep_id = ? order by chunk, citizen_id limit ?")
                .params(sweep, limit)
                .query((rs, n) -> new SweepFailure(rs.getInt(1), new CitizenId(rs.getObject(2, UUID.class)), rs.getString(3),
                        instant(rs, "failed_at")))
                .list();
    }

    /** Gives a claim back (a worker stopping): the chunk is pending again, for anyone. */
    boolean release(ChunkClaim claim) {
        return jdbc.sql("update sweep_chunk set status = 'PENDING', claimed_by = null, claimed_at = null "
                        + "where sweep_id = ? and number = ? and status = 'CLAIMED' and claimed_by = ? and claims = ?")
                .params(claim.sweep(), claim.chunk(), claim.worker(), claim.claims()).update() > 0;
    }

    /**
     * Adds a finished chunk to its sweep, which is finished with its last chunk: the sweep's row is
     * locked until the end of the transaction, so that chunks finishing together count one by one.
     */
    SweepRow addChunk(long sweep, boolean failed, Counts counts, Instant now) {
        return jdbc.sql("""
                        update sweep set
                          chunks_done = chunks_done + ?, chunks_failed = chunks_failed + ?,
                          citizens_evaluated = citizens_evaluated + ?, citizens_skipped = citizens_skipped + ?,
                          citizens_failed = citizens_failed + ?, opened = opened + ?, closed = closed + ?, updated_at = ?,
                          status = case when chunks_done + chunks_failed + 1 < chunks_total then status
                                        when chunks_failed + ? > 0 then 'FAILED' else 'DONE' end,
                          finished_at = case when chunks_done + chunks_failed + 1 < chunks_total then null else ?::timestamptz end
                        where id = ?
                        returning\s""" + SWEEP_COLUMNS)
                .params(failed ? 0 : 1, failed ? 1 : 0, counts.evaluated(), counts.skipped(), counts.failed(), counts.opened(),
                        counts.closed(), ts(now), failed ? 1 : 0, ts(now), sweep)
                .query(SweepStore::sweep).single();
    }

    /** A row of {@code sweep}. */
    record SweepRow(long id, List<String> campaigns, boolean allCampaigns, LocalDate on, String ruleSet, String requestedBy,
                    SweepStatus status, int chunkSize, int chunksTotal, int chunksDone, int chunksFailed, long citizensPlanned,
                    long citizensEvaluated, long citizensSkipped, long citizensFailed, long opened, long closed,
                    Instant startedAt, Instant updatedAt, Instant finishedAt) {

        Sweep withProgressAt(Instant now) {
            return new Sweep(id, campaigns, allCampaigns, on, ruleSet, requestedBy, status, chunkSize, chunksTotal, chunksDone,
                    chunksFailed, citizensPlanned, citizensEvaluated, citizensSkipped, citizensFailed, opened, closed, startedAt,
                    updatedAt, finishedAt, Sweep.progress(status, chunksTotal, chunksDone + chunksFailed, citizensPlanned,
                    citizensEvaluated + citizensSkipped + citizensFailed, startedAt, finishedAt, now));
        }
    }

    private static SweepRow sweep(ResultSet rs, int n) throws SQLException {
        Array campaigns = rs.getArray("campaigns");
        return new SweepRow(rs.getLong("id"), Arrays.asList((String[]) campaigns.getArray()), rs.getBoolean("all_campaigns"),
                rs.getObject("on_date", LocalDate.class), rs.getString("rule_set"), rs.getString("requested_by"),
                SweepStatus.valueOf(rs.getString("status")), rs.getInt("chunk_size"), rs.getInt("chunks_total"),
                rs.getInt("chunks_done"), rs.getInt("chunks_failed"), rs.getLong("citizens_planned"),
                rs.getLong("citizens_evaluated"), rs.getLong("citizens_skipped"), rs.getLong("citizens_failed"),
                rs.getLong("opened"), rs.getLong("closed"), instant(rs, "started_at"), instant(rs, "updated_at"),
                instant(rs, "finished_at"));
    }

    private static SweepChunk chunk(ResultSet rs, int n) throws SQLException {
        return new SweepChunk(rs.getLong("sweep_id"), rs.getInt("number"), rs.getObject("from_id", UUID.class),
                rs.getObject("to_id", UUID.class), rs.getInt("planned"), ChunkStatus.valueOf(rs.getString("status")),
                rs.getString("claimed_by"), instant(rs, "claimed_at"), rs.getInt("claims"), instant(rs, "done_at"),
                rs.getObject("evaluated", Integer.class), rs.getObject("skipped", Integer.class),
                rs.getObject("failed", Integer.class), rs.getObject("opened", Integer.class),
                rs.getObject("closed", Integer.class), rs.getString("error"));
    }

    private static CitizenId citizen(ResultSet rs, int column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new CitizenId(id);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
