package org.vigie.platform.scheduling;

import java.text.ParseException;
import java.util.Objects;
import org.quartz.CronExpression;

/**
 * A job Quartz fires on a schedule, on one node of the cluster: declare it as a bean (or return it
 * from a {@link PeriodicJobs} bean) and the scheduling module registers it at start-up.
 *
 * @param name        unique, stable across restarts: Quartz stores the job and its trigger under it
 * @param cron        a Quartz cron expression ({@code seconds minutes hours day-of-month month
 *                    day-of-week [year]}, e.g. {@code 0 30 2 * * ?}) in the scheduling time zone, or
 *                    {@link #UNSCHEDULED} for a job only ever triggered by hand
 * @param description what the job does and which setting gives its schedule (shown to operators)
 * @param task        what runs when it fires; it should only start work, and be quick
 */
public record PeriodicJob(String name, String cron, String description, Runnable task) {

    /** The cron of a job that has no schedule (it can still be triggered by hand). */
    public static final String UNSCHEDULED = "-";

    public PeriodicJob {
        if (name == null || name.isBlank() || name.length() > 150) {
            throw new IllegalArgumentException("a periodic job needs a name of at most 150 characters, not '" + name + "'");
        }
        Objects.requireNonNull(task, "periodic job '" + name + "' needs a task");
        cron = cron == null ? UNSCHEDULED : cron.trim();
        description = description == null ? name : description;
        if (!UNSCHEDULED.equals(cron)) {
            try {
                CronExpression.validateExpression(cron);
            } catch (ParseException e) {
                throw new IllegalArgumentException("periodic job '" + name + "' (" + description + "): '" + cron
                        + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year], "
                        + "e.g. '0 30 2 * * ?', or '-' for none): " + e.getMessage(), e);
            }
        }
    }

    public boolean scheduled() {
        return !UNSCHEDULED.equals(cron);
    }
}
