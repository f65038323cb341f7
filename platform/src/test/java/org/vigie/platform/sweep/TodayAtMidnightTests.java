package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.scheduling.Scheduling;

/**
 * One "today" for the whole application ({@code vigie.time-zone}): between midnight in Paris and
 * midnight UTC, a re-evaluation and that night's scheduled sweep evaluate on the same date, Paris's,
 * whatever the server's own zone.
 */
@VigieApplicationTest
class TodayAtMidnightTests {

    /** Half past midnight in Paris on the 17th: still the 16th in UTC. */
    static final Instant HALF_PAST_MIDNIGHT = LocalDate.of(2026, 3, 17).atTime(0, 30).atZone(TestClock.PARIS).toInstant();

    @Autowired
    ApplicationContext context;

    @Autowired
    TestClock clock;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    Scheduling scheduling;

    @Autowired
    Sweeps sweeps;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToToday() {
        new SweepFixture(context).noneRunning();
        clock.reset();
    }

    @Test
    void theApplicationsClockIsInTheConfiguredZoneNotTheServers() {
        assertThat(context.getBean("clock", Clock.class).getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void betweenMidnightInParisAndMidnightUtcAReevaluationAndTheNightsSweepEvaluateOnTheSameDate() {
        LocalDate paris = LocalDate.of(2026, 3, 17);
        assertThat(HALF_PAST_MIDNIGHT.atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(paris.minusDays(1));
        clock.set(HALF_PAST_MIDNIGHT);

        // she turns 50 on the 17th: her breast screening is due from that day on, not the day before
        CitizenId woman = womanBornOn("1976-03-17");
        await().atMost(Duration.ofSeconds(30)).until(() -> activeKeys(woman) > 0);
        assertThat(jdbc.sql("select due_from from recommendation where citizen_id = ? and key = 'SCREEN_BREAST'")
                .param(woman.value()).query(LocalDate.class).single()).as("re-evaluated on the 17th").isEqualTo(paris);

        long before = sweeps.latest(1).stream().mapToLong(Sweep::id).findFirst().orElse(0);
        scheduling.trigger("campaign-sweep:screen-breast");
        await().atMost(Duration.ofSeconds(30)).until(() -> sweeps.latest(1).stream().anyMatch(s -> s.id() > before));
        Sweep sweep = sweeps.latest(1).get(0);
        assertThat(sweep.on()).as("the night's sweep evaluates on the same date").isEqualTo(paris);
        assertThat(new SweepFixture(context).finished(sweep.id(), Duration.ofMinutes(1)).status()).isEqualTo(SweepStatus.DONE);
        assertThat(activeKeys(woman)).as("the sweep agrees with the re-evaluation").isEqualTo(1);
    }

    private CitizenId womanBornOn(String birthDate) {
        String externalId = "midnight-" + UUID.randomUUID();
        return spaces.importSnapshot(Actor.operator("test"), externalId, SnapshotJson.read("{\"citizenId\":\"" + externalId
                + "\",\"citizen\":{\"birthDate\":\"" + birthDate + "\",\"sex\":\"F\",\"accountStatus\":\"ACTIVATED\"}}").citizen(), "set-up");
    }

    private long activeKeys(CitizenId citizen) {
        return jdbc.sql("select count(*) from recommendation where citizen_id = ? and key = 'SCREEN_BREAST' "
                + "and status in ('OPEN', 'NOTIFIED', 'SEEN')").param(citizen.value()).query(Long.class).single();
    }
}
