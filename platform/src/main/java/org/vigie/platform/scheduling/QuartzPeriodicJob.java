package org.vigie.platform.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * The one Quartz job class: runs the {@link PeriodicJob} its key names. Never two firings of the
 * same job at once, in the whole cluster.
 */
@DisallowConcurrentExecution
class QuartzPeriodicJob implements Job {

    private final Scheduling scheduling;

    QuartzPeriodicJob(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            scheduling.run(context.getJobDetail().getKey().getName());
        } catch (RuntimeException e) {
            throw new JobExecutionException(e, false);
        }
    }
}
