package org.vigie.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The commands without Spring take "today" in the same zone as the server: {@code vigie.time-zone}. */
class TimeSettingsTest {

    @AfterEach
    void forget() {
        System.clearProperty("vigie.time-zone");
    }

    @Test
    void theCommandLinesClockIsInTheServersDefaultZoneWhateverTheMachinesZone() {
        System.clearProperty("vigie.time-zone");
        assertThat(TimeSettings.commandLineClock().getZone()).isEqualTo(ZoneId.of(System.getenv("VIGIE_TIMEZONE") != null
                ? System.getenv("VIGIE_TIMEZONE") : "Europe/Paris"));
        assertThat(new EvaluationConfiguration().clock(new TimeSettings(ZoneId.of("Europe/Paris"))).getZone())
                .isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void theCommandLinesClockFollowsTheSetting() {
        System.setProperty("vigie.time-zone", "America/Cayenne");
        assertThat(TimeSettings.commandLineClock().getZone()).isEqualTo(ZoneId.of("America/Cayenne"));
    }

    @Test
    void aZoneThatDoesNotExistIsRefusedNamingTheSetting() {
        System.setProperty("vigie.time-zone", "Europe/Atlantis");
        assertThatThrownBy(TimeSettings::commandLineClock).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vigie.time-zone: Europe/Atlantis is not a time zone");
    }
}
