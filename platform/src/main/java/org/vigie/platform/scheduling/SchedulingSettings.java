package org.vigie.platform.scheduling;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler.
 *
 * @param enabled  false: jobs are neither registered nor fired on this node (the commands run so)
 * @param threads  Quartz threads firing jobs (a job only starts work, so few are enough)
 * @param quartz   more Quartz properties ({@code org.quartz.…}), overriding Vigie's
 */
@ConfigurationProperties("vigie.scheduling")
record SchedulingSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int threads,
        Map<String, String> quartz) {

    SchedulingSettings {
        quartz = quartz == null ? Map.of() : Map.copyOf(quartz);
    }
}
