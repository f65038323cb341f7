package org.vigie.platform.scheduling;

import java.time.Instant;

/** A registered periodic job as Quartz holds it: its schedule and its last and next firing (null when none). */
public record ScheduledJob(String name, String description, String cron, String timeZone, Instant previousFire,
                           Instant nextFire) {
}
