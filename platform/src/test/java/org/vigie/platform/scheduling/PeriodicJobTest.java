package org.vigie.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeriodicJobTest {

    @Test
    void takesAQuartzCronOrNone() {
        assertThat(new PeriodicJob("digest", "0 30 2 * * ?", "daily", () -> { }).scheduled()).isTrue();
        assertThat(new PeriodicJob("digest", " - ", "by hand", () -> { }).scheduled()).isFalse();
        assertThat(new PeriodicJob("digest", null, null, () -> { }).cron()).isEqualTo(PeriodicJob.UNSCHEDULED);
    }

    @Test
    void refusesACronQuartzCannotReadNamingTheJobAndItsSetting() {
        // a Unix cron (five fields) is the likely mistake
        assertThatThrownBy(() -> new PeriodicJob("digest", "30 2 * * *", "daily digest (vigie.delivery.digest-cron)", () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("periodic job 'digest' (daily digest (vigie.delivery.digest-cron))")
                .hasMessageContaining("'30 2 * * *' is not a Quartz cron expression");
    }

    @Test
    void needsAName() {
        assertThatThrownBy(() -> new PeriodicJob(" ", "-", "x", () -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
