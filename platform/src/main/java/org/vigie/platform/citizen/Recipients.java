package org.vigie.platform.citizen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.engine.fact.Pathway;

/**
 * What notification delivery must know of many citizens at once, in four queries: the account
 * state, the prevention opt-out, the e-mail address the insurer knows, the notification
 * preferences switched off, the push devices and the insurer-data consents granted. Read when deliveries are planned and again when
 * they are sent (a choice may have changed in between).
 */
@Service
public class Recipients {

    /** One switch of the preferences: a category on a channel. */
    public record Switch(NotificationCategory category, NotificationChannel channel) {
    }

    /**
     * A citizen as delivery sees them.
     *
     * @param email the contact e-mail the insurer knows, or null
     * @param off   the preferences switched off (every other one is on, the default)
     * @param insurerDataConsent the pathways whose insurer-data consent is granted now
     */
    public record Recipient(CitizenId citizen, AccountState state, boolean optedOut, String email, Set<Switch> off,
                            List<String> devices, Set<Pathway> insurerDataConsent) {

        public Recipient {
            off = Set.copyOf(off);
            devices = List.copyOf(devices);
            insurerDataConsent = Set.copyOf(insurerDataConsent);
        }

        public boolean consents(Pathway pathway) {
            return insurerDataConsent.contains(pathway);
        }

        /** The space exists and is not closed: open (not activated yet) or activated. */
        public boolean reachable() {
            return state.inUse();
        }

        public boolean wants(NotificationCategory category, NotificationChannel channel) {
            return !off.contains(new Switch(category, channel));
        }

        /** Some category is on by e-mail. */
        public boolean wantsAnyEmail() {
            return EnumSet.allOf(NotificationCategory.class).stream().anyMatch(c -> wants(c, NotificationChannel.EMAIL));
        }
    }

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The citizens that exist among {@code citizens}; an unknown id (a purged space) is left out. */
    @Transactional(readOnly = true)
    public Map<CitizenId, Recipient> of(Collection<CitizenId> citizens) {
        if (citizens.isEmpty()) return Map.of();
        UUID[] ids = citizens.stream().map(CitizenId::value).distinct().toArray(UUID[]::new);
        Map<UUID, Set<Switch>> off = new HashMap<>();
        jdbc.sql("select citizen_id, category, channel from notification_preference where citizen_id = any(?) and not enabled")
                .param(ids)
                .query((rs, n) -> off.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashSet<>())
                        .add(new Switch(NotificationCategory.valueOf(rs.getString(2)), NotificationChannel.valueOf(rs.getString(3)))))
                .list();
        Map<UUID, List<String>> devices = new HashMap<>();
        jdbc.sql("select citizen_id, token from push_device where citizen_id = any(?) order by registered_at, token")
                .param(ids)
                .query((rs, n) -> devices.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<UUID, Set<Pathway>> consented = new HashMap<>();
        jdbc.sql("select citizen_id, pathway from insurer_consent where citizen_id = any(?) and consent = 'GRANTED'")
                .param(ids)
                .query((rs, n) -> consented.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashSet<>())
                        .add(Pathway.valueOf(rs.getString(2))))
                .list();
        Map<CitizenId, Recipient> all = new HashMap<>();
        jdbc.sql("select id, account_status, prevention_opt_out, contact_email from citizen where id = any(?)")
                .param(ids)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    CitizenId citizen = new CitizenId(id);
                    return all.put(citizen, new Recipient(citizen, AccountState.valueOf(rs.getString(2)), rs.getBoolean(3),
                            rs.getString(4), off.getOrDefault(id, Set.of()), devices.getOrDefault(id, List.of()),
                            consented.getOrDefault(id, Set.of())));
                })
                .list();
        return all;
    }
}
