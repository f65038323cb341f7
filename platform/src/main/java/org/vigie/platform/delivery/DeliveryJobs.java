package org.vigie.platform.delivery;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigie.platform.scheduling.PeriodicJob;

/**
 * The periodic jobs of delivery ({@code vigie.delivery.jobs}, on by default): the dispatcher's
 * polling on every node, which drains the outbox while batches come full (its claims keep nodes
 * from sending anything twice), and the planning of agenda reminders, once per cluster on the
 * Quartz schedule {@code vigie.delivery.agenda-cron} (every 15 minutes by default).
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

    @Bean
    static PeriodicJob agendaReminderPlanning(AgendaReminders agenda, Clock clock,
                                              @Value("${vigie.delivery.agenda-cron:0 */15 * * * ?}") String cron) {
        return new PeriodicJob("agenda-reminders", cron,
                "plans the notifications of agenda reminders and of tomorrow's appointments (vigie.delivery.agenda-cron)", () -> {
                    int planned = agenda.plan(clock.instant());
                    if (planned > 0) LOG.info("planned {} agenda reminder notifications", planned);
                });
    }
}
