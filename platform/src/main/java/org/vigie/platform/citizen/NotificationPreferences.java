package org.vigie.platform.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.platform.input.StorableInput;

/**
 * The holder's notification preferences: each optional category on each channel, on by default,
 * and the push device tokens. {@link MandatoryNotification}s have no preference.
 */
@Service
public class NotificationPreferences {

    private final JdbcClient jdbc;
    private final CitizenTable citizens;
    private final Traces traces;
    private final Clock clock;

    NotificationPreferences(JdbcClient jdbc, CitizenTable citizens, Traces traces, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.traces = traces;
        this.clock = clock;
    }

    @Transactional
    public void set(Actor actor, CitizenId citizen, NotificationCategory category, NotificationChannel channel,
                    boolean enabled, String why) {
        citizens.lock(citizen);
        jdbc.sql("""
                        insert into notification_preference (citizen_id, category, channel, enabled, changed_at) values (?, ?, ?, ?, ?)
                        on conflict (citizen_id, category, channel) do update set enabled = excluded.enabled, changed_at = excluded.changed_at""")
                .params(citizen.value(), category.name(), channel.name(), enabled, CitizenTable.ts(clock.instant())).update();
        traces.record(actor, citizen, "notifications " + category + " by " + channel + (enabled ? " on" : " off"), why);
    }

    @Transactional(readOnly = true)
    public boolean isOn(CitizenId citizen, NotificationCategory category, NotificationChannel channel) {
        return jdbc.sql("select enabled from notification_preference where citizen_id = ? and category = ? and channel = ?")
                .params(citizen.value(), category.name(), channel.name())
                .query(Boolean.class).optional().orElse(true);
    }

    /** Every category on every channel, defaults included. */
    @Transactional(readOnly = true)
    public Map<NotificationCategory, Map<NotificationChannel, Boolean>> all(CitizenId citizen) {
        Map<NotificationCategory, Map<NotificationChannel, Boolean>> all = new EnumMap<>(NotificationCategory.class);
        for (NotificationCategory category : NotificationCategory.values()) {
            Map<NotificationChannel, Boolean> channels = new EnumMap<>(NotificationChannel.class);
            for (NotificationChannel channel : NotificationChannel.values()) channels.put(channel, true);
            all.put(category, channels);
        }
        jdbc.sql("select category, channel, enabled from notification_preference where citizen_id = ?").param(citizen.value())
                .query((rs, n) -> {
                    all.get(NotificationCategory.valueOf(rs.getString(1))).put(NotificationChannel.valueOf(rs.getString(2)), rs.getBoolean(3));
                    return null;
                }).list();
        return all;
    }

    /** The preferences and devices as the holder or a representative reads them; the read is traced (P9). */
    public record View(Map<NotificationCategory, Map<NotificationChannel, Boolean>> preferences, List<String> devices) {
    }

    @Transactional
    public View view(Actor actor, CitizenId citizen, String why) {
        citizens.find(citizen).orElseThrow(() -> new UnknownCitizen(citizen));
        View view = new View(all(citizen), devices(citizen));
        traces.record(actor, citizen, "read notification preferences", why);
        return view;
    }

    /** Registers a push token for the citizen; a token moves to the latest citizen who registers it. */
    @Transactional
    public void registerDevice(Actor actor, CitizenId citizen, String token, String why) {
        StorableInput.bounded(token, "token", StorableInput.MAX_TOKEN);
        citizens.lock(citizen);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into push_device (token, citizen_id, registered_at) values (?, ?, ?)
                        on conflict (token) do update set citizen_id = excluded.citizen_id, registered_at = excluded.registered_at""")
                .params(token, citizen.value(), CitizenTable.ts(now)).update();
        traces.record(actor, citizen, "push device registered", why);
    }

    @Transactional
    public void forgetDevice(Actor actor, CitizenId citizen, String token, String why) {
        int removed = jdbc.sql("delete from push_device where token = ? and citizen_id = ?").params(token, citizen.value()).update();
        if (removed > 0) traces.record(actor, citizen, "push device forgotten", why);
    }

    @Transactional(readOnly = true)
    public List<String> devices(CitizenId citizen) {
        return jdbc.sql("select token from push_device where citizen_id = ? order by registered_at, token")
                .param(citizen.value()).query(String.class).list();
    }
}
