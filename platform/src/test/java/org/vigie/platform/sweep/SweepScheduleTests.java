package org.vigie.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.AccountLifecycle;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.scheduling.ScheduledJob;
import org.vigie.platform.scheduling.Scheduling;

/**
 * Quartz on the application's PostgreSQL, clustered, with the schedules of the test configuration
 * ({@link VigieApplicationTest}: every campaign at the default cron but screen-breast, all in 2099,
 * so that nothing fires by itself while tests run).
 */
@VigieApplicationTest
class SweepScheduleTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Scheduling scheduling;

    @Autowired
    Scheduler scheduler;

    @Autowired
    Sweeps sweeps;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void leaveNothingRunning() {
        new SweepFixture(context).noneRunning();
    }

    @Test
    void runsAClusteredQuartzWithItsJobStoreOnPostgres() throws Exception {
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().getJobStoreClass()).isEqualTo(org.vigie.platform.scheduling.ClusteredJobStore.class);
        assertThat(jdbc.sql("select count(*) from qrtz_scheduler_state where instance_name = ?")
                .param(scheduler.getSchedulerInstanceId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void registersEachCampaignsSweepOnItsScheduleAndTheRetentionPurge() {
        assertThat(scheduling.jobs()).extracting(ScheduledJob::name)
                .containsExactly("campaign-sweep:default", "campaign-sweep:screen-breast", "retention-purge");
        ScheduledJob others = job("campaign-sweep:default");
        assertThat(others.cron()).isEqualTo("0 30 2 1 1 ? 2099");
        assertThat(others.timeZone()).isEqualTo("Europe/Paris");
        assertThat(others.description()).startsWith("Sweep (vigie.sweeps.default-cron) of screen-colorectal, screen-cervical")
                .doesNotContain("screen-breast");
        assertThat(others.nextFire()).isEqualTo(LocalDate.of(2099, 1, 1).atTime(2, 30).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());
        assertThat(job("campaign-sweep:screen-breast").cron()).isEqualTo("0 0 3 1 1 ? 2099");
        assertThat(job("retention-purge").cron()).isEqualTo("0 0 4 1 1 ? 2099");
    }

    @Test
    void aFiringOfACampaignsScheduleSweepsThatCampaignOnToday() {
        long before = latestId();

        scheduling.trigger("campaign-sweep:screen-breast");

        Sweep sweep = awaitSweepAfter(before);
        assertThat(sweep.requestedBy()).isEqualTo("schedule");
        assertThat(sweep.campaigns()).containsExactly("screen-breast");
        assertThat(sweep.on()).isEqualTo(VigieApplicationTest.TODAY);
        assertThat(new SweepFixture(context).finished(sweep.id(), Duration.ofMinutes(1)).status()).isEqualTo(SweepStatus.DONE);
    }

    @Test
    void aFiringOfTheRetentionSchedulePurgesTheSpacesDue() {
        CitizenSpaces spaces = context.getBean(CitizenSpaces.class);
        String externalId = "purge-by-schedule-" + System.nanoTime();
        CitizenId id = spaces.importSnapshot(Actor.ingestion("test"), externalId,
                SnapshotJson.read("{\"citizenId\":\"x\",\"citizen\":{\"birthDate\":\"1970-01-01\",\"sex\":\"M\"}}").citizen(),
                "test");
        context.getBean(AccountLifecycle.class).close(Actor.holder(id), id, true, "closed with deletion");

        scheduling.trigger("retention-purge");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (spaces.findByExternalId(externalId).isPresent()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not purged");
            SweepFixture.pause(50);
        }
    }

    @Test
    void refusesToTriggerAJobNobodyDeclared() {
        assertThatThrownBy(() -> scheduling.trigger("no-such-job")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-job");
    }

    private ScheduledJob job(String name) {
        return scheduling.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    private long latestId() {
        return sweeps.latest(1).stream().mapToLong(Sweep::id).findFirst().orElse(0);
    }

    private Sweep awaitSweepAfter(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Optional<Sweep> latest = sweeps.latest(1).stream().findFirst();
            if (latest.isPresent() && latest.get().id() > id) return latest.get();
            if (System.nanoTime() > deadline) throw new AssertionError("the trigger started no sweep");
            SweepFixture.pause(50);
        }
    }
}
