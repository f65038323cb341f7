package org.vigie.platform.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.MandatoryNotification;

/**
 * The delivery module's entry point for other modules and operators: raise a mandatory
 * notification, read a citizen's deliveries, count the outbox by channel and status.
 */
@Service
public class Notifications {

    private final Outbox outbox;
    private final Clock clock;

    Notifications(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Raises a notification the holder cannot switch off (docs/space-sources.md#notifications): an e-mail at once,
     * whatever the preferences, the opt-out (it is not prevention) or the quiet hours, also to a
     * holder who has not activated their space, and an entry of the notification centre. Nothing
     * goes to a space that is not open or activated. Idempotent: the same {@code occurrence} (the
     * caller's reference of the event, e.g. the document's id) raises it once.
     *
     * @return whether it was planned now (false: this occurrence was already raised)
     */
    @Transactional
    public boolean mandatory(CitizenId citizen, MandatoryNotification kind, String occurrence) {
        if (occurrence == null || occurrence.isBlank()) throw new IllegalArgumentException("a mandatory notification needs its occurrence");
        Instant now = clock.instant();
        List<Planned> planned = new ArrayList<>();
        for (DeliveryChannel channel : List.of(DeliveryChannel.of(kind.channel()), DeliveryChannel.IN_APP)) {
            planned.add(new Planned(citizen, DeliveryKind.MANDATORY, null, channel, null, kind.name(), null, occurrence, now));
        }
        return outbox.add(planned, now) > 0;
    }

    /** As {@link #mandatory(CitizenId, MandatoryNotification, String)}, for an event that has no reference of its own: raised every time. */
    @Transactional
    public boolean mandatory(CitizenId citizen, MandatoryNotification kind) {
        return mandatory(citizen, kind, UUID.randomUUID().toString());
    }

    /** Every delivery of the citizen, oldest first. */
    public List<Delivery> deliveries(CitizenId citizen) {
        return outbox.of(citizen);
    }

    /** How many deliveries are in each status, per channel: what operators watch. */
    public Map<DeliveryChannel, Map<DeliveryStatus, Long>> counts() {
        return outbox.counts();
    }
}
