package org.vigie.platform.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.platform.citizen.Agenda;
import org.vigie.platform.citizen.AgendaItem;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.Recipients;
import org.vigie.platform.citizen.Recipients.Recipient;
import org.vigie.platform.recommendation.Recommendations;

/**
 * Just before sending, decides for each claimed delivery, with a handful of queries for the whole
 * batch: cancelled (the citizen may no longer receive it: {@link Eligibility}), deferred (quiet
 * hours, frequency cap, a recommendation made of insurer data whose consent was just withdrawn:
 * never dropped) or to send now.
 */
@Component
class SendCheck {

    /** The verdicts of a batch; {@code openRecommendations} are those a digest being sent covers. */
    record Checked(List<Delivery> toSend, List<Outbox.Outcome> outcomes, Map<CitizenId, Recipient> recipients,
                    Map<CitizenId, List<UUID>> openRecommendations) {
    }

    /** How long a notification waits for the re-evaluation that follows a consent withdrawn. */
    static final Duration CONSENT_SETTLING = Duration.ofMinutes(1);

    private final Recipients recipients;
    private final Recommendations recommendations;
    private final Agenda agenda;
    private final Outbox outbox;
    private final SendWindow window;

    SendCheck(Recipients recipients, Recommendations recommendations, Agenda agenda, Outbox outbox, SendWindow window) {
        this.recipients = recipients;
        this.recommendations = recommendations;
        this.agenda = agenda;
        this.outbox = outbox;
        this.window = window;
    }

    Checked check(List<Delivery> claimed, Instant now) {
        List<Delivery> batch = new ArrayList<>(claimed);
        batch.sort(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::idempotencyKey));
        Set<CitizenId> citizens = new HashSet<>();
        Set<UUID> recommendationIds = new HashSet<>();
        Set<CitizenId> digests = new HashSet<>();
        Set<CitizenId> capped = new HashSet<>();
        List<AgendaItem> items = new ArrayList<>();
        for (Delivery d : batch) {
            citizens.add(d.citizen());
            if (d.recommendation() != null) recommendationIds.add(d.recommendation());
            if (d.kind() == DeliveryKind.DIGEST) digests.add(d.citizen());
            if (SendWindow.capped(d.kind(), d.channel())) capped.add(d.citizen());
            AgendaItem item = agendaItem(d);
            if (item != null) items.add(item);
        }
        Map<CitizenId, Recipient> known = recipients.of(citizens);
        Map<UUID, Recommendations.Standing> standings = recommendations.standings(recommendationIds);
        Set<AgendaItem> scheduled = agenda.stillScheduled(items);
        Map<CitizenId, List<UUID>> open = recommendations.openOf(digests);
        Map<CitizenId, Map<DeliveryChannel, Outbox.Sent>> sent = outbox.sentSince(capped, window.capWindowStart(now));
        Instant quietUntil = window.quietUntil(now);

        List<Delivery> toSend = new ArrayList<>();
        List<Outbox.Outcome> outcomes = new ArrayList<>();
        // a citizen's recommendation notifications of one channel in one batch travel as one message: one unit of the cap
        Map<CitizenId, Set<DeliveryChannel>> messageInBatch = new HashMap<>();
        for (Delivery d : batch) {
            AgendaItem item = agendaItem(d);
            Recommendations.Standing standing = d.recommendation() == null ? null : standings.get(d.recommendation());
            Eligibility.Subject subject = new Eligibility.Subject(standing == null ? null : standing.status(),
                    item != null && scheduled.contains(item), !open.getOrDefault(d.citizen(), List.of()).isEmpty(),
                    standing != null && standing.planned());
            Recipient recipient = known.get(d.citizen());
            String refusal = Eligibility.refusal(d, recipient, subject);
            if (refusal != null) {
                outcomes.add(Outbox.Outcome.cancelled(d.id(), refusal));
                continue;
            }
            if (standing != null && standing.usedInsurerData()
                    && (standing.pathway() == null || !recipient.consents(standing.pathway()))) {
                // the consent was withdrawn after the recommendation was made of insurer data: its
                // re-evaluation, under way, closes it (cancelling this) or explains it without them
                outcomes.add(Outbox.Outcome.deferred(d.id(), now.plus(CONSENT_SETTLING), "deferred: insurer-data consent withdrawn"));
                continue;
            }
            if (quietUntil != null && SendWindow.quietHoursApply(d.kind(), d.channel())) {
                outcomes.add(Outbox.Outcome.deferred(d.id(), quietUntil, "deferred: quiet hours"));
                continue;
            }
            if (SendWindow.capped(d.kind(), d.channel())) {
                Set<DeliveryChannel> joined = messageInBatch.computeIfAbsent(d.citizen(), k -> new HashSet<>());
                if (!joined.contains(d.channel())) {
                    Outbox.Sent already = sent.getOrDefault(d.citizen(), Map.of()).get(d.channel());
                    Instant until = already == null ? null : window.capUntil(already.messages(), already.oldest(), now);
                    if (until != null) {
                        outcomes.add(Outbox.Outcome.deferred(d.id(), until, "deferred: frequency cap"));
                        continue;
                    }
                    joined.add(d.channel());
                }
            }
            toSend.add(d);
        }
        return new Checked(toSend, outcomes, known, open);
    }

    static AgendaItem agendaItem(Delivery d) {
        if (d.kind() != DeliveryKind.AGENDA_REMINDER) return null;
        AgendaItem.Kind kind = AgendaItem.Kind.valueOf(d.subject());
        return kind == AgendaItem.Kind.REMINDER
                ? new AgendaItem(kind, d.subjectId(), d.citizen(), Instant.parse(d.occurrence()), null)
                : new AgendaItem(kind, d.subjectId(), d.citizen(), null, java.time.LocalDate.parse(d.occurrence()));
    }
}
