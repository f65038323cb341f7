package org.vigie.platform.delivery;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The periodic jobs of delivery on this node ({@code vigie.delivery.jobs}, on by default): the
 * dispatcher's polling, which drains the outbox while batches come full, and the planning of agenda
 * reminders. Every node may run them: the dispatcher's claims and the idempotency keys keep them
 * from doing anything twice.
 */
@Component
@ConditionalOnProperty(prefix = "vigie.delivery", name = "jobs", havingValue = "true", matchIfMissing = true)
class DeliveryJobs {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJobs.class);
    private static final int MAX_BATCHES_PER_POLL = 100;

    private final Dispatcher dispatcher;
    private final AgendaReminders agenda;
    private final DeliverySettings settings;
    private final Clock clock;

    DeliveryJobs(Dispatcher dispatcher, AgendaReminders agenda, DeliverySettings settings, Clock clock) {
        this.dispatcher = dispatcher;
        this.agenda = agenda;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vigie.delivery.poll-interval:PT1S}", initialDelayString = "PT5S")
    void dispatch() {
        for (int i = 0; i < MAX_BATCHES_PER_POLL; i++) {
            if (dispatcher.dispatchOnce() < settings.batchSize()) return;
        }
    }

    @Scheduled(fixedDelayString = "${vigie.delivery.agenda-interval:PT15M}", initialDelayString = "PT10S")
    void planAgendaReminders() {
        int planned = agenda.plan(clock.instant());
        if (planned > 0) LOG.info("planned {} agenda reminder notifications", planned);
    }
}
