package org.vigie.platform.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vigie.platform.citizen.AccountState;
import org.vigie.platform.citizen.AccountStatusChanged;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.platform.citizen.NotificationChannel;
import org.vigie.platform.citizen.PreventionOptOutChanged;
import org.vigie.platform.citizen.Recipients;
import org.vigie.platform.citizen.Recipients.Recipient;
import org.vigie.platform.recommendation.RecommendationsChanged;

/**
 * Plans the notifications of recommendations as they open, for one citizen or a whole chunk of a
 * sweep at once (one read of the recipients, one batch of inserts), and cancels the pending ones
 * as soon as they are no longer wanted: a recommendation closed, an opt-out, a space closed.
 *
 * <p>Per recommendation opened: an entry of the notification centre; for an activated space, an
 * e-mail and a push as the holder's preferences for the campaign's category allow; for a space
 * open but not activated, a place in that day's single digest e-mail instead (docs/space-sources.md#notifications).
 * Nothing for a recommendation opened while an appointment is already booked for it: it is planned,
 * and nobody is reminded of it; the same again, once, when that appointment passes (or is cancelled)
 * without the act and the recommendation is due again.
 */
@Component
class DeliveryPlanner {

    private static final Set<AccountState> GONE = EnumSet.of(AccountState.CLOSED, AccountState.DECEASED, AccountState.OPPOSED);

    private final Outbox outbox;
    private final Recipients recipients;
    private final SendWindow window;
    private final Dispatcher dispatcher;
    private final Clock clock;

    DeliveryPlanner(Outbox outbox, Recipients recipients, SendWindow window, Dispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.recipients = recipients;
        this.window = window;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RecommendationsChanged event) {
        plan(event);
    }

    @ApplicationModuleListener
    void on(PreventionOptOutChanged event) {
        if (event.optedOut()) {
            outbox.cancelCitizen(event.citizen(), EnumSet.of(DeliveryKind.RECOMMENDATION, DeliveryKind.DIGEST),
                    "the holder opted out of personalised prevention", clock.instant());
        }
    }

    @ApplicationModuleListener
    void on(AccountStatusChanged event) {
        if (GONE.contains(event.to())) {
            outbox.cancelCitizen(event.citizen(), EnumSet.allOf(DeliveryKind.class), "the space is " + event.to(), clock.instant());
        }
    }

    /** Plans what the opened recommendations call for and cancels what the closed ones no longer do; answers the rows added. */
    int plan(RecommendationsChanged event) {
        Instant now = clock.instant();
        if (!event.closed().isEmpty()) {
            List<UUID> closed = event.closed().stream().map(RecommendationsChanged.Closed::recommendation).toList();
            outbox.cancelRecommendations(closed, "the recommendation was closed", now);
        }
        // a booked recommendation is notified of nothing; one due again after its appointment is, once per missed date
        List<Notice> notices = new ArrayList<>();
        event.opened().stream().filter(o -> !o.planned())
                .forEach(o -> notices.add(new Notice(o.recommendation(), o.citizen(), category(o.category()), "1")));
        event.dueAgain().forEach(d -> notices.add(new Notice(d.recommendation(), d.citizen(), category(d.category()),
                "after-" + d.missed())));
        if (notices.isEmpty()) return 0;
        Map<CitizenId, Recipient> known = recipients.of(notices.stream().map(Notice::citizen).toList());
        Map<String, Planned> planned = new LinkedHashMap<>();
        for (Notice notice : notices) {
            Recipient r = known.get(notice.citizen());
            if (r == null || !r.reachable() || r.optedOut()) continue;
            for (Planned p : plan(notice, r, notice.category(), event.at())) planned.putIfAbsent(p.key(), p);
        }
        return outbox.add(new ArrayList<>(planned.values()), now);
    }

    /** A recommendation to notify, under its campaign's category, and which notice of it this is. */
    private record Notice(UUID recommendation, CitizenId citizen, NotificationCategory category, String occurrence) {
    }

    /**
     * The preference category of the campaign's notifications, as the recommendation carries it;
     * exams and vaccinations for a campaign the rule set that made it did not know.
     */
    private static NotificationCategory category(NotificationCategory declared) {
        return declared == null ? NotificationCategory.EXAMS_VACCINATIONS : declared;
    }

    private List<Planned> plan(Notice notice, Recipient r, NotificationCategory category, Instant at) {
        List<Planned> planned = new ArrayList<>();
        UUID id = notice.recommendation();
        String occurrence = notice.occurrence();
        planned.add(Planned.recommendation(r.citizen(), id, occurrence, category, DeliveryChannel.IN_APP, at));
        boolean email = r.wants(category, NotificationChannel.EMAIL) && r.email() != null && !r.email().isBlank();
        if (r.state() == AccountState.ACTIVATED) {
            if (email) planned.add(Planned.recommendation(r.citizen(), id, occurrence, category, DeliveryChannel.EMAIL, at));
            if (dispatcher.sends(DeliveryChannel.PUSH) && r.wants(category, NotificationChannel.PUSH) && !r.devices().isEmpty()) {
                planned.add(Planned.recommendation(r.citizen(), id, occurrence, category, DeliveryChannel.PUSH, at));
            }
        } else if (email) {
            LocalDate day = window.digestDay(at);
            planned.add(new Planned(r.citizen(), DeliveryKind.DIGEST, null, DeliveryChannel.EMAIL, null, null, null, day.toString(),
                    window.digestTime(day)));
        }
        return planned;
    }
}
