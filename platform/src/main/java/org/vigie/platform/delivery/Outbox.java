package org.vigie.platform.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.engine.campaign.NotificationCategory;

/**
 * The {@code delivery} table: adding planned deliveries (idempotent by key), cancelling pending
 * ones, claiming due ones for one node ({@code FOR UPDATE SKIP LOCKED}, then a lease), and
 * recording what became of each.
 */
@Component
class Outbox {

    static final String COLUMNS = "id, idempotency_key, citizen_id, kind, category, channel, recommendation_id, subject, subject_id, "
            + "occurrence, status, attempts, next_attempt_at, last_error, message_key, created_at, sent_at";
    private static final String PENDING = "status in ('QUEUED', 'FAILED')";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Outbox(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Adds the deliveries in one batch; one whose key is already there is left as it is, except a
     * cancelled notification of a recommendation opened again, which is queued again. Answers how
     * many rows were added or queued again.
     */
    @Transactional
    public int add(List<Planned> planned, Instant now) {
        if (planned.isEmpty()) return 0;
        int n = planned.size();
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        UUID[] citizens = new UUID[n];
        String[] kinds = new String[n];
        String[] categories = new String[n];
        String[] channels = new String[n];
        UUID[] recommendations = new UUID[n];
        String[] subjects = new String[n];
        UUID[] subjectIds = new UUID[n];
        String[] occurrences = new String[n];
        String[] notBefore = new String[n]; // ISO instants: the driver sends no timestamp arrays
        for (int i = 0; i < n; i++) {
            Planned p = planned.get(i);
            ids[i] = UUID.randomUUID();
            keys[i] = p.key();
            citizens[i] = p.citizen().value();
            kinds[i] = p.kind().name();
            categories[i] = p.category() == null ? null : p.category().name();
            channels[i] = p.channel().name();
            recommendations[i] = p.recommendation();
            subjects[i] = p.subject();
            subjectIds[i] = p.subjectId();
            occurrences[i] = p.occurrence();
            notBefore[i] = p.notBefore().toString();
        }
        // one statement for the whole batch: a sweep's chunk plans thousands at once
        return jdbc.sql("""
                        insert into delivery (id, idempotency_key, citizen_id, kind, category, channel, recommendation_id, subject, subject_id,
                        occurrence, status, attempts, next_attempt_at, created_at, updated_at)
                        select id, idempotency_key, citizen_id, kind, category, channel, recommendation_id, subject, subject_id, occurrence,
                        'QUEUED', 0, next_attempt_at::timestamptz, ?, ?
                        from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::text[],
                        ?::text[]) as p(id, idempotency_key, citizen_id, kind, category, channel, recommendation_id, subject, subject_id,
                        occurrence, next_attempt_at)
                        on conflict (idempotency_key) do update set status = 'QUEUED', attempts = 0, next_attempt_at = excluded.next_attempt_at,
                        last_error = null, updated_at = excluded.updated_at
                        where delivery.status = 'CANCELLED' and delivery.kind = 'RECOMMENDATION'
                        returning 1""")
                .params(ts(now), ts(now), ids, keys, citizens, kinds, categories, channels, recommendations, subjects, subjectIds, occurrences,
                        notBefore)
                .query(Integer.class).list().size();
    }

    /** Cancels the pending deliveries about these recommendations. */
    @Transactional
    public int cancelRecommendations(Collection<UUID> recommendations, String why, Instant now) {
        if (recommendations.isEmpty()) return 0;
        return jdbc.sql("update delivery set status = 'CANCELLED', last_error = ?, updated_at = ? where recommendation_id = any(?) and "
                        + PENDING)
                .params(why, ts(now), recommendations.toArray(UUID[]::new)).update();
    }

    /** Cancels the pending deliveries of a citizen of the given kinds. */
    @Transactional
    public int cancelCitizen(CitizenId citizen, Collection<DeliveryKind> kinds, String why, Instant now) {
        return jdbc.sql("update delivery set status = 'CANCELLED', last_error = ?, updated_at = ? where citizen_id = ? and kind = any(?) and "
                        + PENDING)
                .params(why, ts(now), citizen.value(), kinds.stream().map(Enum::name).toArray(String[]::new)).update();
    }

    /**
     * Claims about {@code limit} due deliveries for this node: rows another node holds are skipped,
     * each claimed row counts an attempt and is leased until {@code leaseEnd}, after which it is due
     * again (the node died before recording the outcome). A citizen's due recommendation
     * notifications are claimed together, whatever the limit: they travel as one message per channel,
     * which a batch boundary between them would split in two (one e-mail, then another a moment later).
     */
    @Transactional
    public List<Delivery> claim(Instant now, int limit, Instant leaseEnd) {
        return jdbc.sql("""
                        with due as (
                          select id, citizen_id from delivery where status in ('QUEUED', 'FAILED') and next_attempt_at <= ?
                          order by next_attempt_at limit ? for update skip locked),
                        together as (
                          select id from delivery
                          where citizen_id in (select citizen_id from due) and kind = 'RECOMMENDATION'
                          and status in ('QUEUED', 'FAILED') and next_attempt_at <= ? and id not in (select id from due)
                          for update skip locked)
                        update delivery d set attempts = d.attempts + 1, next_attempt_at = ?, updated_at = ?
                        where d.id in (select id from due) or d.id in (select id from together)
                        returning d.id, d.idempotency_key, d.citizen_id, d.kind, d.category, d.channel, d.recommendation_id, d.subject,
                        d.subject_id, d.occurrence, d.status, d.attempts, d.next_attempt_at, d.last_error, d.message_key, d.created_at,
                        d.sent_at""")
                .params(ts(now), limit, ts(now), ts(leaseEnd), ts(now))
                .query(Outbox::row).list();
    }

    /** What to write of one claimed delivery. */
    record Outcome(UUID delivery, DeliveryStatus status, Instant nextAttemptAt, String note, String messageKey, boolean attempted) {

        static Outcome sent(UUID delivery, String messageKey) {
            return new Outcome(delivery, DeliveryStatus.SENT, null, null, messageKey, true);
        }

        static Outcome retry(UUID delivery, Instant at, String why) {
            return new Outcome(delivery, DeliveryStatus.FAILED, at, why, null, true);
        }

        static Outcome dead(UUID delivery, String why) {
            return new Outcome(delivery, DeliveryStatus.DEAD, null, why, null, true);
        }

        static Outcome cancelled(UUID delivery, String why) {
            return new Outcome(delivery, DeliveryStatus.CANCELLED, null, why, null, false);
        }

        /** Not sent now, not an attempt either: quiet hours, frequency cap. */
        static Outcome deferred(UUID delivery, Instant until, String why) {
            return new Outcome(delivery, DeliveryStatus.QUEUED, until, why, null, false);
        }
    }

    /**
     * Records the outcomes. SENT always wins (it was sent, whatever happened meanwhile); any other
     * outcome only applies to a delivery still pending (not cancelled while it was being sent).
     */
    @Transactional
    public void record(List<Outcome> outcomes, Instant now) {
        List<Object[]> sent = new ArrayList<>();
        List<Object[]> other = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.status() == DeliveryStatus.SENT) {
                sent.add(new Object[]{ts(now), o.messageKey(), ts(now), o.delivery()});
            } else {
                Instant next = o.nextAttemptAt() == null ? now : o.nextAttemptAt();
                other.add(new Object[]{o.status().name(), ts(next), truncate(o.note()), o.attempted() ? 0 : 1, ts(now), o.delivery()});
            }
        }
        batch.batchUpdate("update delivery set status = 'SENT', sent_at = ?, message_key = ?, last_error = null, updated_at = ? "
                + "where id = ?", sent);
        batch.batchUpdate("update delivery set status = ?, next_attempt_at = ?, last_error = ?, attempts = greatest(attempts - ?, 0), "
                + "updated_at = ? where id = ? and " + PENDING, other);
    }

    /** Per citizen and channel, the recommendation messages sent since {@code since}: how many, the oldest. */
    record Sent(long messages, Instant oldest) {
    }

    @Transactional(readOnly = true)
    public Map<CitizenId, Map<DeliveryChannel, Sent>> sentSince(Collection<CitizenId> citizens, Instant since) {
        Map<CitizenId, Map<DeliveryChannel, Sent>> sent = new HashMap<>();
        if (citizens.isEmpty()) return sent;
        jdbc.sql("""
                        select citizen_id, channel, count(distinct message_key), min(sent_at) from delivery
                        where citizen_id = any(?) and status = 'SENT' and kind = 'RECOMMENDATION' and channel in ('EMAIL', 'PUSH')
                        and sent_at > ? group by citizen_id, channel""")
                .params(citizens.stream().map(CitizenId::value).distinct().toArray(UUID[]::new), ts(since))
                .query((rs, n) -> sent.computeIfAbsent(new CitizenId(rs.getObject(1, UUID.class)), k -> new HashMap<>())
                        .put(DeliveryChannel.valueOf(rs.getString(2)), new Sent(rs.getLong(3), rs.getTimestamp(4).toInstant())))
                .list();
        return sent;
    }

    @Transactional(readOnly = true)
    public List<Delivery> of(CitizenId citizen) {
        return jdbc.sql("select " + COLUMNS + " from delivery where citizen_id = ? order by created_at, idempotency_key")
                .param(citizen.value()).query(Outbox::row).list();
    }

    @Transactional(readOnly = true)
    public Map<DeliveryChannel, Map<DeliveryStatus, Long>> counts() {
        Map<DeliveryChannel, Map<DeliveryStatus, Long>> counts = new HashMap<>();
        jdbc.sql("select channel, status, count(*) from delivery group by channel, status")
                .query((rs, n) -> counts.computeIfAbsent(DeliveryChannel.valueOf(rs.getString(1)), k -> new HashMap<>())
                        .put(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
        return counts;
    }

    static Delivery row(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new Delivery(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
                new CitizenId(rs.getObject("citizen_id", UUID.class)), DeliveryKind.valueOf(rs.getString("kind")),
                category == null ? null : NotificationCategory.valueOf(category), DeliveryChannel.valueOf(rs.getString("channel")),
                rs.getObject("recommendation_id", UUID.class), rs.getString("subject"), rs.getObject("subject_id", UUID.class),
                rs.getString("occurrence"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), rs.getString("message_key"),
                rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
    }

    private static String truncate(String note) {
        return note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
