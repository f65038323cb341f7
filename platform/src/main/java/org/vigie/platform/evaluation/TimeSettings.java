package org.vigie.platform.evaluation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vigie.time-zone}: the one zone of "today" and of the citizens' day, the zone of the
 * application's clock. Every date the platform decides on (a re-evaluation's, a sweep's, the HTTP
 * default, the criteria catalogue's day), every schedule's cron and delivery's quiet hours are read
 * in it, whatever the server's own zone.
 */
@ConfigurationProperties("vigie")
public record TimeSettings(@DefaultValue(TimeSettings.DEFAULT) ZoneId timeZone) {

    static final String DEFAULT = "Europe/Paris";

    /**
     * The clock of the commands that run without Spring ({@code evaluate}, {@code criteria},
     * {@code snapshots}): the same zone, from {@code -Dvigie.time-zone} or {@code VIGIE_TIMEZONE}
     * as Spring would read it, {@value #DEFAULT} otherwise.
     */
    public static Clock commandLineClock() {
        String configured = System.getProperty("vigie.time-zone", System.getenv("VIGIE_TIMEZONE"));
        String zone = configured == null || configured.isBlank() ? DEFAULT : configured.strip();
        try {
            return Clock.system(ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("vigie.time-zone: " + zone + " is not a time zone", e);
        }
    }
}
