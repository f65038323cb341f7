package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.platform.recommendation.RecommendationsChanged;
import org.vigie.platform.recommendation.StoredRecommendation;

/**
 * The sweep module starts with the modules whose beans it uses, the database and {@code scheduling}
 * (it only uses their types, so Modulith does not start them), and without delivery:
 * a sweep of one campaign evaluates the stored spaces, opens nothing already open, and announces its end.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = {"database", "scheduling"})
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class SweepModuleTests {

    // the creation notice went out long ago: the opposition delay is over
    private static final Instant NOTIFIED_LONG_AGO = Instant.parse("2022-01-03T08:00:00Z");

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    Sweeps sweeps;

    @Autowired
    Recommendations recommendations;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @Test
    void aCampaignSweepEvaluatesTheStoredSpacesAndOpensNothingTwiceWithoutDelivery(Scenario scenario) {
        // a woman of sixty-one: breast screening is due, opened by the re-evaluation of her activation
        Actor ingestion = Actor.ingestion("module-test");
        CitizenId id = spaces.register(ingestion, new Registration("module-" + UUID.randomUUID(), LocalDate.of(1965, 2, 1), Sex.F, null,
                NOTIFIED_LONG_AGO));
        scenario.stimulate(() -> {
                    lifecycle.open(ingestion, id, "opposition delay over");
                    lifecycle.activate(Actor.holder(id), id, "first login");
                })
                .andWaitForEventOfType(RecommendationsChanged.class)
                .matching(changed -> changed.opened().stream().anyMatch(o -> o.citizen().equals(id)))
                .toArrive();
        AtomicLong started = new AtomicLong();

        scenario.stimulate(() -> started.set(sweeps.start(SweepRequest.of("screen-breast", LocalDate.now(clock), "module-test")).id()))
                .andWaitForEventOfType(SweepFinished.class)
                .matching(finished -> finished.sweep() == started.get())
                .toArriveAndVerify(finished -> {
                    assertThat(finished.status()).isEqualTo(SweepStatus.DONE);
                    assertThat(finished.campaigns()).containsExactly("screen-breast");
                    assertThat(finished.citizensEvaluated()).isEqualTo(1);
                    assertThat(finished.opened()).isZero();
                    assertThat(finished.closed()).isZero();
                });

        assertThat(recommendations.of(Actor.engine("module-test"), id, "check")).extracting(StoredRecommendation::campaign)
                .containsOnlyOnce("screen-breast");
        assertThat(context.getBeanNamesForType(NotificationCentre.class)).as("delivery is not started").isEmpty();
    }
}
