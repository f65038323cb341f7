package org.vigie.platform.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.vigie.platform.citizen.AccountState;
import org.vigie.platform.citizen.Agenda;
import org.vigie.platform.citizen.AgendaItem;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.Recipients;
import org.vigie.platform.citizen.Recipients.Recipient;

/**
 * Plans the agenda's notifications (docs/space-sources.md#agenda), by e-mail and push, for activated spaces:
 * at the time of each reminder, and the day before each scheduled appointment. Run periodically;
 * it looks a day ahead, so a run missed now and then loses nothing, and planning the same entry
 * again adds nothing (idempotency key: the entry and its time). A reminder moved is a new
 * occurrence; the old one is cancelled when its time comes ({@link Eligibility}).
 */
@Component
class AgendaReminders {

    /** Reminders due this long ago are still notified (a node was down). */
    static final Duration LOOK_BACK = Duration.ofHours(1);
    static final Duration LOOK_AHEAD = Duration.ofHours(36);

    private final Agenda agenda;
    private final Recipients recipients;
    private final Outbox outbox;
    private final SendWindow window;
    private final Dispatcher dispatcher;

    AgendaReminders(Agenda agenda, Recipients recipients, Outbox outbox, SendWindow window, Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.agenda = agenda;
        this.recipients = recipients;
        this.outbox = outbox;
        this.window = window;
    }

    /** Plans the notifications of the entries coming up after {@code now}; answers how many were added. */
    int plan(Instant now) {
        LocalDate tomorrow = window.day(now).plusDays(1);
        List<AgendaItem> items = agenda.comingUp(now.minus(LOOK_BACK), now.plus(LOOK_AHEAD), tomorrow, tomorrow.plusDays(1));
        Map<CitizenId, Recipient> known = recipients.of(items.stream().map(AgendaItem::citizen).toList());
        List<Planned> planned = new ArrayList<>();
        for (AgendaItem item : items) {
            Recipient r = known.get(item.citizen());
            if (r == null || r.state() != AccountState.ACTIVATED) continue;
            Instant at = item.kind() == AgendaItem.Kind.REMINDER ? item.dueAt() : window.dayBefore(item.date());
            if (at.isAfter(now.plus(LOOK_AHEAD))) continue;
            if (r.email() != null && !r.email().isBlank()) planned.add(planned(item, DeliveryChannel.EMAIL, at));
            if (dispatcher.sends(DeliveryChannel.PUSH) && !r.devices().isEmpty()) planned.add(planned(item, DeliveryChannel.PUSH, at));
        }
        return outbox.add(planned, now);
    }

    private static Planned planned(AgendaItem item, DeliveryChannel channel, Instant at) {
        return new Planned(item.citizen(), DeliveryKind.AGENDA_REMINDER, null, channel, null, item.kind().name(), item.id(),
                item.occurrence(), at);
    }
}
