package org.vigie.platform.sweep;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.Retention;
import org.vigie.platform.scheduling.PeriodicJob;
import org.vigie.platform.scheduling.PeriodicJobs;

/**
 * The periodic jobs of campaign runs: each campaign's sweep on its schedule
 * ({@code vigie.sweeps.cron.<campaign-id>}, else {@code vigie.sweeps.default-cron}) — campaigns
 * sharing a schedule are swept together, so that a citizen is evaluated once for all of them — and
 * the daily retention purge ({@code vigie.retention.cron}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SweepSettings.class, SweepSchedules.RetentionSchedule.class})
class SweepSchedules {

    private static final Logger log = LoggerFactory.getLogger(SweepSchedules.class);

    /** @param cron when closed spaces past their retention are purged (P10), a Quartz cron or {@code -} */
    @ConfigurationProperties("vigie.retention")
    record RetentionSchedule(@DefaultValue("0 0 4 * * ?") String cron) {
    }

    @Bean
    PeriodicJobs campaignSweeps(Sweeps sweeps, SweepSettings settings, Clock clock) {
        return () -> {
            List<String> campaigns = sweeps.campaigns();
            for (String configured : settings.cron().keySet()) {
                if (!campaigns.contains(configured)) {
                    throw new IllegalStateException("vigie.sweeps.cron." + configured + ": no such campaign; campaigns are "
                            + String.join(", ", campaigns));
                }
            }
            Map<String, Set<String>> byCron = new LinkedHashMap<>();
            for (String campaign : campaigns) {
                byCron.computeIfAbsent(settings.cronOf(campaign).trim(), c -> new LinkedHashSet<>()).add(campaign);
            }
            List<PeriodicJob> jobs = new ArrayList<>();
            byCron.forEach((cron, group) -> {
                boolean usesDefault = group.stream().anyMatch(c -> !settings.cron().containsKey(c));
                String name = usesDefault ? "campaign-sweep:default" : abbreviate("campaign-sweep:" + String.join("+", group));
                String setting = usesDefault ? "vigie.sweeps.default-cron"
                        : "vigie.sweeps.cron." + group.iterator().next();
                jobs.add(new PeriodicJob(name, cron, "Sweep (" + setting + ") of " + String.join(", ", group), () ->
                        sweeps.startScheduled(group, LocalDate.now(clock))));
            });
            return jobs;
        };
    }

    @Bean
    PeriodicJob retentionPurge(Retention retention, RetentionSchedule schedule) {
        return new PeriodicJob("retention-purge", schedule.cron(),
                "Purge of closed spaces past their retention or whose deletion was requested (vigie.retention.cron)", () -> {
                    List<CitizenId> purged = retention.purge();
                    log.info("Retention purge: {} spaces purged", purged.size());
                });
    }

    private static String abbreviate(String name) {
        return name.length() <= 150 ? name : name.substring(0, 149) + "…";
    }
}
