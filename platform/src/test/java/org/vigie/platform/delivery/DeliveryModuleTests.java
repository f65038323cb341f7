package org.vigie.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.citizen.AccountLifecycle;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.scheduling.ScheduledJob;
import org.vigie.platform.scheduling.Scheduling;
import org.vigie.platform.surface.Surfaces;

/**
 * The delivery module starts with its bootstrap dependencies ({@code citizen}, {@code recommendation}),
 * the database, {@code evaluation} (which recommendation needs) and {@code scheduling} (delivery
 * declares its jobs to it and injects none of its beans, so Modulith does not start it), without
 * the sweeps or the citizen's pages: it declares its periodic jobs, and a recommendation opened
 * for a space becomes an entry of its notification centre.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = {"database", "evaluation", "scheduling"})
// the suite's settings turn delivery's jobs off (its tests drive them): here their declaration is checked
@TestPropertySource(properties = {"vigie.embedded-postgres.temporary=true", "vigie.delivery.jobs=true"})
class DeliveryModuleTests {

    private static final Actor INGESTION = Actor.ingestion("module-test");
    // the creation notice went out long ago: the opposition delay is over
    private static final Instant NOTIFIED_LONG_AGO = Instant.parse("2022-01-03T08:00:00Z");

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    NotificationCentre centre;

    @Autowired
    Scheduling scheduling;

    @Autowired
    ApplicationContext context;

    @Test
    void declaresItsJobsAndPutsAnOpenedRecommendationInTheNotificationCentre() {
        assertThat(scheduling.jobs()).extracting(ScheduledJob::name).contains("agenda-reminders");

        // a woman of sixty-one: breast screening is due
        CitizenId id = spaces.register(INGESTION, new Registration("module-" + UUID.randomUUID(), LocalDate.of(1965, 2, 1), Sex.F, null, NOTIFIED_LONG_AGO));
        lifecycle.open(INGESTION, id, "opposition delay over");
        lifecycle.activate(Actor.holder(id), id, "first login");

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> centre.unread(id) > 0);
        assertThat(centre.of(Actor.holder(id), id, "check")).isNotEmpty();
        assertThat(context.getBeanNamesForType(Surfaces.class)).as("surface is not started").isEmpty();
    }
}
