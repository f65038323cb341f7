package org.vigie.platform.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.NotificationPreferences;
import org.vigie.platform.citizen.Recipients.Recipient;
import org.vigie.platform.citizen.Traces;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.templates.NotificationMessages.Mail;
import org.vigie.templates.NotificationMessages.ShortMessage;

/**
 * Sends what is due. One poll claims a batch ({@code FOR UPDATE SKIP LOCKED}: several nodes share
 * the outbox), checks it again ({@link SendCheck}), sends each channel's share through its
 * {@link ChannelSender} (the notification centre for in-app), and records each outcome: sent (the
 * recommendation becomes NOTIFIED), retried with exponential back-off and jitter (honouring a
 * {@code Retry-After}), dead after {@code max-attempts} or a refusal for good, cancelled for an
 * invalid address (a push token is forgotten).
 *
 * <p>Exactly once in effect: a node that dies between sending and recording leaves its claimed
 * rows to be claimed again when their lease ends; the notification centre keeps one entry per
 * delivery, and an e-mail or push sent again carries the same idempotency key.
 */
@Component
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Actor DELIVERY = Actor.engine("delivery");

    private final Outbox outbox;
    private final SendCheck sendCheck;
    private final NotificationCentre centre;
    private final Recommendations recommendations;
    private final NotificationPreferences preferences;
    private final Traces traces;
    private final Rendering rendering;
    private final SendWindow window;
    private final DeliverySettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Map<DeliveryChannel, ChannelSender> senders = new ConcurrentHashMap<>();

    Dispatcher(Outbox outbox, SendCheck sendCheck, NotificationCentre centre, Recommendations recommendations,
               NotificationPreferences preferences, Traces traces, Rendering rendering, SendWindow window,
               DeliverySettings settings, Clock clock, PlatformTransactionManager transactions, List<ChannelSender> senders) {
        this.outbox = outbox;
        this.sendCheck = sendCheck;
        this.centre = centre;
        this.recommendations = recommendations;
        this.preferences = preferences;
        this.traces = traces;
        this.rendering = rendering;
        this.window = window;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        for (ChannelSender sender : senders) {
            if (this.senders.put(DeliveryChannel.of(sender.channel()), sender) != null) {
                throw new IllegalStateException("two senders for " + sender.channel());
            }
        }
    }

    /** Whether this node can send on the channel: push is not planned where no push sender is configured. */
    boolean sends(DeliveryChannel channel) {
        return channel == DeliveryChannel.IN_APP || senders.containsKey(channel);
    }

    /** Claims, checks, sends and records one batch; answers how many deliveries it claimed. */
    public int dispatchOnce() {
        return dispatchOnce(settings.batchSize());
    }

    /** As {@link #dispatchOnce()}, claiming about {@code batchSize} deliveries (a citizen's recommendations are never split). */
    int dispatchOnce(int batchSize) {
        Instant now = clock.instant();
        List<Delivery> claimed = outbox.claim(now, batchSize, now.plus(settings.lease()));
        if (claimed.isEmpty()) return 0;
        SendCheck.Checked checked = sendCheck.check(claimed, now);
        List<Outbox.Outcome> outcomes = new ArrayList<>(checked.outcomes());
        Map<DeliveryChannel, List<Delivery>> byChannel = new EnumMap<>(DeliveryChannel.class);
        checked.toSend().forEach(d -> byChannel.computeIfAbsent(d.channel(), c -> new ArrayList<>()).add(d));
        for (Map.Entry<DeliveryChannel, List<Delivery>> e : byChannel.entrySet()) {
            if (e.getKey() == DeliveryChannel.IN_APP) {
                centre.post(e.getValue(), now);
                e.getValue().forEach(d -> outcomes.add(Outbox.Outcome.sent(d.id(), d.idempotencyKey())));
            } else {
                outcomes.addAll(send(e.getKey(), e.getValue(), checked.recipients(), now));
            }
        }
        transactions.executeWithoutResult(status -> {
            outbox.record(outcomes, now);
            followUp(claimed, outcomes, checked);
        });
        return claimed.size();
    }

    /** One message per citizen for their recommendations of a batch, one per delivery otherwise. */
    private List<Outbox.Outcome> send(DeliveryChannel channel, List<Delivery> deliveries, Map<CitizenId, Recipient> recipients,
                                      Instant now) {
        Map<String, List<Delivery>> messages = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            String group = d.kind() == DeliveryKind.RECOMMENDATION ? "recommendations:" + d.citizen().value() : d.id().toString();
            messages.computeIfAbsent(group, g -> new ArrayList<>()).add(d);
        }
        List<OutgoingMessage> outgoing = new ArrayList<>();
        List<List<Delivery>> carried = new ArrayList<>();
        for (List<Delivery> group : messages.values()) {
            Delivery lead = group.get(0);
            Recipient r = recipients.get(lead.citizen());
            List<String> addresses = channel == DeliveryChannel.EMAIL ? List.of(r.email()) : r.devices();
            for (String address : addresses) {
                outgoing.add(message(lead, channel, address));
                carried.add(group);
            }
        }
        ChannelSender sender = senders.get(channel);
        List<SendOutcome> results;
        try {
            if (sender == null) throw new IllegalStateException("no sender for " + channel + " on this node");
            results = sender.send(outgoing);
            if (results.size() != outgoing.size()) {
                throw new IllegalStateException(channel + " sender answered " + results.size() + " outcomes for " + outgoing.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("{} batch of {} messages failed: {}", channel, outgoing.size(), e.toString());
            SendOutcome failed = SendOutcome.retry(null, "the batch failed: " + e);
            results = outgoing.stream().map(m -> failed).toList();
        }
        // a group's result over its addresses (a push to each device): sent to one is sent
        Map<List<Delivery>, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < carried.size(); i++) byGroup.computeIfAbsent(carried.get(i), g -> new ArrayList<>()).add(i);
        List<Outbox.Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<List<Delivery>, List<Integer>> e : byGroup.entrySet()) {
            List<SendOutcome> mine = e.getValue().stream().map(results::get).toList();
            for (int i : e.getValue()) {
                if (results.get(i).kind() == SendOutcome.Kind.ADDRESS_INVALID && channel == DeliveryChannel.PUSH) {
                    OutgoingMessage m = outgoing.get(i);
                    preferences.forgetDevice(DELIVERY, m.citizen(), m.address(), "the push service says the token is invalid: "
                            + results.get(i).detail());
                }
            }
            SendOutcome overall = overall(mine);
            String messageKey = e.getKey().get(0).idempotencyKey();
            for (Delivery d : e.getKey()) outcomes.add(outcome(d, overall, messageKey, now));
        }
        return outcomes;
    }

    private OutgoingMessage message(Delivery lead, DeliveryChannel channel, String address) {
        if (channel == DeliveryChannel.EMAIL) {
            Mail mail = rendering.mail(lead.kind());
            return new OutgoingMessage(lead.id(), lead.idempotencyKey(), lead.citizen(), address, mail.subject(), mail.text(),
                    mail.html(), settings.link());
        }
        ShortMessage push = rendering.push(lead.kind());
        return new OutgoingMessage(lead.id(), lead.idempotencyKey(), lead.citizen(), address, push.title(), push.text(), null,
                settings.link());
    }

    static SendOutcome overall(List<SendOutcome> outcomes) {
        if (outcomes.isEmpty()) return SendOutcome.addressInvalid("no address");
        for (SendOutcome o : outcomes) if (o.kind() == SendOutcome.Kind.SENT) return o;
        SendOutcome retry = null;
        for (SendOutcome o : outcomes) {
            if (o.kind() == SendOutcome.Kind.RETRY && (retry == null || later(o.retryAfter(), retry.retryAfter()))) retry = o;
        }
        if (retry != null) return retry;
        for (SendOutcome o : outcomes) if (o.kind() == SendOutcome.Kind.REJECTED) return o;
        return outcomes.get(0);
    }

    private static boolean later(Duration a, Duration b) {
        return a != null && (b == null || a.compareTo(b) > 0);
    }

    private Outbox.Outcome outcome(Delivery d, SendOutcome o, String messageKey, Instant now) {
        return switch (o.kind()) {
            case SENT -> Outbox.Outcome.sent(d.id(), messageKey);
            case RETRY -> d.attempts() >= settings.maxAttempts()
                    ? Outbox.Outcome.dead(d.id(), "gave up after " + d.attempts() + " attempts: " + o.detail())
                    : Outbox.Outcome.retry(d.id(), window.retryAt(now, d.attempts(), o.retryAfter()), o.detail());
            case ADDRESS_INVALID -> Outbox.Outcome.cancelled(d.id(), "the address is invalid: " + o.detail());
            case REJECTED -> Outbox.Outcome.dead(d.id(), "refused: " + o.detail());
        };
    }

    /** What a sent notification changes elsewhere: the recommendation NOTIFIED, the citizen's trace (P9). */
    private void followUp(List<Delivery> claimed, List<Outbox.Outcome> outcomes, SendCheck.Checked checked) {
        Set<UUID> sent = outcomes.stream().filter(o -> o.status() == DeliveryStatus.SENT).map(Outbox.Outcome::delivery)
                .collect(Collectors.toSet());
        List<Delivery> done = claimed.stream().filter(d -> sent.contains(d.id())).toList();
        List<UUID> notified = new ArrayList<>();
        for (Delivery d : done) {
            // a notification outside the space; the centre is part of the space
            if (d.kind() == DeliveryKind.RECOMMENDATION && d.channel() != DeliveryChannel.IN_APP) notified.add(d.recommendation());
            if (d.kind() == DeliveryKind.DIGEST) notified.addAll(checked.openRecommendations().getOrDefault(d.citizen(), List.of()));
        }
        recommendations.markNotified(notified);
        Map<String, List<CitizenId>> traced = new LinkedHashMap<>();
        for (Delivery d : done) {
            String what = d.channel() == DeliveryChannel.IN_APP ? "notification added to the notification centre"
                    : "notification sent by " + d.channel().name().toLowerCase(Locale.ROOT).replace('_', '-');
            traced.computeIfAbsent(what + "|" + d.kind(), k -> new ArrayList<>()).add(d.citizen());
        }
        traced.forEach((key, citizens) -> traces.recordAll(DELIVERY, citizens.stream().distinct().toList(), key.split("\\|")[0],
                "delivery: " + key.split("\\|")[1].toLowerCase(Locale.ROOT).replace('_', ' ')));
    }
}
