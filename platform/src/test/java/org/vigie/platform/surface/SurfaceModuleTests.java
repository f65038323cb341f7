package org.vigie.platform.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.vigie.engine.campaign.Surface;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.citizen.AccountLifecycle;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.delivery.NotificationCentre;
import org.vigie.platform.recommendation.RecommendationsChanged;

/**
 * The surface module starts with its direct dependencies ({@code citizen}, {@code evaluation},
 * {@code recommendation}) and the database, without the HTTP space that serves it: a recommendation
 * stored for a space is shown on its surfaces, with the campaign's text.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "database")
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class SurfaceModuleTests {

    private static final Actor INGESTION = Actor.ingestion("module-test");
    // the creation notice went out long ago: the opposition delay is over
    private static final Instant NOTIFIED_LONG_AGO = Instant.parse("2022-01-03T08:00:00Z");

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    Surfaces surfaces;

    @Autowired
    ApplicationContext context;

    @Test
    void showsTheRecommendationsOfASpaceOnItsSurfacesWithoutDelivery(Scenario scenario) {
        // a woman of sixty-one: breast screening is due
        CitizenId id = spaces.register(INGESTION, new Registration("module-" + UUID.randomUUID(), LocalDate.of(1965, 2, 1), Sex.F, null, NOTIFIED_LONG_AGO));
        scenario.stimulate(() -> {
                    lifecycle.open(INGESTION, id, "opposition delay over");
                    lifecycle.activate(Actor.holder(id), id, "first login");
                })
                .andWaitForEventOfType(RecommendationsChanged.class)
                .matching(changed -> changed.opened().stream().anyMatch(o -> o.citizen().equals(id)))
                .toArrive();

        assertThat(Arrays.stream(Surface.values()).flatMap(s -> surfaces.list(Actor.holder(id), id, s, null, "check").stream()))
                .filteredOn(item -> item.campaign().equals("screen-breast"))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.title()).isNotBlank());
        assertThat(context.getBeanNamesForType(NotificationCentre.class)).as("delivery is not started").isEmpty();
    }
}
