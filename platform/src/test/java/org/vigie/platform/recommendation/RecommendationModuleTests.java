package org.vigie.platform.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.citizen.AccountLifecycle;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.delivery.NotificationCentre;

/**
 * The recommendation module starts with its direct dependencies ({@code citizen}, {@code database},
 * {@code evaluation}) and nothing that listens to it: a space that opens is re-evaluated, and the
 * recommendations due are stored and published.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "database")
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class RecommendationModuleTests {

    private static final Actor INGESTION = Actor.ingestion("module-test");
    // the creation notice went out long ago: the opposition delay is over
    private static final Instant NOTIFIED_LONG_AGO = Instant.parse("2022-01-03T08:00:00Z");

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    Recommendations recommendations;

    @Autowired
    ApplicationContext context;

    @Test
    void reevaluatesASpaceThatOpensAndPublishesTheRecommendationsDueWithoutDelivery(Scenario scenario) {
        // a woman of sixty-one: breast screening is due
        CitizenId id = spaces.register(INGESTION, new Registration("module-" + UUID.randomUUID(), LocalDate.of(1965, 2, 1), Sex.F, null, NOTIFIED_LONG_AGO));

        scenario.stimulate(() -> {
                    lifecycle.open(INGESTION, id, "opposition delay over");
                    lifecycle.activate(Actor.holder(id), id, "first login");
                })
                .andWaitForEventOfType(RecommendationsChanged.class)
                .matching(changed -> changed.opened().stream().anyMatch(o -> o.citizen().equals(id)))
                .toArriveAndVerify(changed -> assertThat(changed.opened()).extracting(RecommendationsChanged.Opened::campaign)
                        .contains("screen-breast"));

        assertThat(recommendations.of(Actor.engine("module-test"), id, "check")).extracting(StoredRecommendation::campaign)
                .contains("screen-breast");
        assertThat(context.getBeanNamesForType(NotificationCentre.class)).as("delivery is not started").isEmpty();
    }
}
