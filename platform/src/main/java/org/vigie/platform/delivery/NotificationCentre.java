package org.vigie.platform.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.Traces;
import org.vigie.templates.NotificationMessages.ShortMessage;

/**
 * The in-app notification centre of a space: one entry per in-app delivery, newest first, read
 * through the citizen API and marked read. An entry about a recommendation says it comes from
 * personalised prevention (P5) and leads to the recommendation, where the holder reads why.
 */
@Service
public class NotificationCentre {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Traces traces;
    private final Clock clock;
    private final Rendering rendering;

    NotificationCentre(JdbcClient jdbc, JdbcTemplate batch, Traces traces, Rendering rendering, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.traces = traces;
        this.rendering = rendering;
        this.clock = clock;
    }

    /** The citizen's notifications, newest first; the read is traced (P9). */
    @Transactional
    public List<CentreNotification> of(Actor actor, CitizenId citizen, String why) {
        List<CentreNotification> all = jdbc.sql("""
                        select id, kind, title, text, link, personalised_prevention, created_at, read_at from notification
                        where citizen_id = ? order by created_at desc, id""")
                .param(citizen.value())
                .query((rs, n) -> {
                    Timestamp read = rs.getTimestamp(8);
                    return new CentreNotification(rs.getObject(1, UUID.class), DeliveryKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant(),
                            read == null ? null : read.toInstant());
                })
                .list();
        traces.record(actor, citizen, "read the notification centre", why);
        return all;
    }

    /** Marks one notification of the citizen read; false if there is no such notification. Reading it again changes nothing. */
    @Transactional
    public boolean markRead(Actor actor, CitizenId citizen, UUID notification, String why) {
        int found = jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and citizen_id = ?")
                .params(Timestamp.from(clock.instant()), notification, citizen.value()).update();
        if (found > 0) traces.record(actor, citizen, "notification read", why);
        return found > 0;
    }

    @Transactional(readOnly = true)
    public long unread(CitizenId citizen) {
        return jdbc.sql("select count(*) from notification where citizen_id = ? and read_at is null").param(citizen.value())
                .query(Long.class).single();
    }

    /**
     * Adds the entries of in-app deliveries, each at most once: an entry already posted for a
     * delivery (sent before a crash, then claimed again) is not posted twice.
     */
    @Transactional
    void post(List<Delivery> deliveries, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (Delivery d : deliveries) {
            ShortMessage entry = rendering.centre(d.kind());
            rows.add(new Object[]{UUID.randomUUID(), d.id(), d.citizen().value(), d.kind().name(), entry.title(), entry.text(), link(d),
                    d.kind() == DeliveryKind.RECOMMENDATION, Timestamp.from(now)});
        }
        batch.batchUpdate("""
                insert into notification (id, delivery_id, citizen_id, kind, title, text, link, personalised_prevention, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (delivery_id) do nothing""", rows);
    }

    private static String link(Delivery d) {
        return switch (d.kind()) {
            case RECOMMENDATION -> "prevention/recommendations/" + d.recommendation();
            case AGENDA_REMINDER -> "agenda";
            case MANDATORY, DIGEST -> "";
        };
    }
}
