package org.vigie.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The scheduling module starts alone on the database, with a clock of its own: it registers the
 * jobs declared to it in the clock's zone, and fires them through Quartz. No other module declares
 * any here.
 */
@ApplicationModuleTest(extraIncludes = "database")
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class SchedulingModuleTests {

    // a zone that is neither the server's nor the application's default, so that the test can fail
    private static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");
    private static final CountDownLatch FIRED = new CountDownLatch(1);

    /** The application's clock is evaluation's bean; the job is the test's. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ClockAndJob {
        @Bean
        Clock clock() {
            return Clock.system(ZONE);
        }

        @Bean
        PeriodicJob probe() {
            return new PeriodicJob("module-test-probe", "0 30 2 * * ?", "the module test's job", FIRED::countDown);
        }
    }

    @Autowired
    Scheduling scheduling;

    @Test
    void registersTheDeclaredJobInTheClocksZoneAndFiresItWhenTriggered() throws InterruptedException {
        assertThat(scheduling.jobs()).singleElement().satisfies(job -> {
            assertThat(job.name()).isEqualTo("module-test-probe");
            assertThat(job.cron()).isEqualTo("0 30 2 * * ?");
            assertThat(job.timeZone()).isEqualTo(ZONE.getId());
            assertThat(job.nextFire()).isNotNull();
        });

        scheduling.trigger("module-test-probe");

        assertThat(FIRED.await(10, TimeUnit.SECONDS)).as("fired through Quartz").isTrue();
    }
}
