package org.vigie.platform.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Registers the periodic jobs the modules declare ({@link PeriodicJob} and {@link PeriodicJobs}
 * beans) with Quartz when the application starts, before the scheduler does, and runs them when
 * Quartz fires them. The jobs live in Quartz's tables, shared by the cluster: a trigger whose cron
 * did not change is kept as it is (so a firing missed while every node was down still happens,
 * once, at start), a changed one is replaced, and a job no module declares any more is deleted.
 * With several versions of the application running, the last node started decides.
 */
@Service
public class Scheduling implements SmartLifecycle {

    static final String GROUP = "vigie";
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

    private final Scheduler scheduler;
    private final ObjectProvider<PeriodicJob> single;
    private final ObjectProvider<PeriodicJobs> several;
    private final SchedulingSettings settings;
    private final ZoneId zone;
    private volatile Map<String, PeriodicJob> jobs = Map.of();
    private volatile boolean running;

    Scheduling(Scheduler scheduler, ObjectProvider<PeriodicJob> single, ObjectProvider<PeriodicJobs> several,
               SchedulingSettings settings, Clock clock) {
        this.scheduler = scheduler;
        this.single = single;
        this.several = several;
        this.settings = settings;
        this.zone = clock.getZone();
    }

    /** The time zone of every schedule: the application clock's, that of "today" ({@code vigie.time-zone}). */
    public ZoneId timeZone() {
        return zone;
    }

    /** The registered jobs, by name, as Quartz holds them. */
    public List<ScheduledJob> jobs() {
        try {
            List<ScheduledJob> scheduled = new ArrayList<>();
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).stream().sorted().toList()) {
                JobDetail detail = scheduler.getJobDetail(key);
                Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(key.getName(), GROUP));
                CronTrigger cron = trigger instanceof CronTrigger c ? c : null;
                scheduled.add(new ScheduledJob(key.getName(), detail == null ? null : detail.getDescription(),
                        cron == null ? PeriodicJob.UNSCHEDULED : cron.getCronExpression(),
                        cron == null ? null : cron.getTimeZone().getID(),
                        instant(trigger == null ? null : trigger.getPreviousFireTime()),
                        instant(trigger == null ? null : trigger.getNextFireTime())));
            }
            return scheduled;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the scheduled jobs: " + e.getMessage(), e);
        }
    }

    /** Fires a registered job now, through Quartz: on whichever node acquires it, never twice at once. */
    public void trigger(String name) {
        try {
            JobKey key = JobKey.jobKey(name, GROUP);
            if (!scheduler.checkExists(key)) throw new IllegalArgumentException("no periodic job named '" + name + "'");
            scheduler.triggerJob(key);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot trigger '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Runs a job Quartz fired on this node. */
    void run(String name) {
        PeriodicJob job = jobs.get(name);
        if (job == null) {
            log.warn("Periodic job '{}' fired, but this node does not declare it (another version?): skipped", name);
            return;
        }
        long start = System.nanoTime();
        log.info("Periodic job '{}' started", name);
        job.task().run();
        log.info("Periodic job '{}' finished in {} ms", name, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void start() {
        Map<String, PeriodicJob> declared = new LinkedHashMap<>();
        single.orderedStream().forEach(job -> declare(declared, job));
        several.orderedStream().forEach(source -> source.jobs().forEach(job -> declare(declared, job)));
        jobs = Map.copyOf(declared);
        if (settings.enabled()) {
            try {
                register(declared.values());
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot register the periodic jobs with Quartz: " + e.getMessage(), e);
            }
        }
        running = true;
    }

    private static void declare(Map<String, PeriodicJob> declared, PeriodicJob job) {
        if (declared.putIfAbsent(job.name(), job) != null) {
            throw new IllegalStateException("two periodic jobs are named '" + job.name() + "'");
        }
    }

    private void register(Iterable<PeriodicJob> declared) throws SchedulerException {
        TimeZone zone = TimeZone.getTimeZone(this.zone);
        Set<JobKey> wanted = new HashSet<>();
        for (PeriodicJob job : declared) {
            JobKey key = JobKey.jobKey(job.name(), GROUP);
            wanted.add(key);
            JobDetail detail = JobBuilder.newJob(QuartzPeriodicJob.class).withIdentity(key)
                    .withDescription(abbreviate(job.description())).storeDurably().build();
            scheduler.addJob(detail, true);
            TriggerKey triggerKey = TriggerKey.triggerKey(job.name(), GROUP);
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (!job.scheduled()) {
                if (existing != null) scheduler.unscheduleJob(triggerKey);
                log.info("Periodic job '{}': no schedule (triggered by hand only)", job.name());
                continue;
            }
            if (existing instanceof CronTrigger c && c.getCronExpression().equals(job.cron())
                    && c.getTimeZone().getID().equals(zone.getID())) {
                log.info("Periodic job '{}': '{}' ({}), next at {}", job.name(), job.cron(), zone.getID(), c.getNextFireTime());
                continue;
            }
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(key)
                    .withSchedule(CronScheduleBuilder.cronSchedule(job.cron()).inTimeZone(zone)
                            // all nodes down when it was due: fire once as soon as one is back
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            Date next;
            if (existing != null) {
                next = scheduler.rescheduleJob(triggerKey, trigger);
            } else {
                try {
                    next = scheduler.scheduleJob(trigger);
                } catch (ObjectAlreadyExistsException e) {
                    next = scheduler.rescheduleJob(triggerKey, trigger); // another node starting at the same time
                }
            }
            log.info("Periodic job '{}': '{}' ({}), next at {}", job.name(), job.cron(), zone.getID(), next);
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key)) {
                scheduler.deleteJob(key);
                log.info("Periodic job '{}' is no longer declared: deleted", key.getName());
            }
        }
    }

    private static String abbreviate(String description) {
        return description.length() <= 250 ? description : description.substring(0, 249) + "…";
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the scheduler starts (Spring's SchedulerFactoryBean starts last). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1000;
    }
}
