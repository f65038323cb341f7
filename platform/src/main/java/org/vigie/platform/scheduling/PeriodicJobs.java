package org.vigie.platform.scheduling;

import java.util.List;

/**
 * Several periodic jobs from one bean, for a module whose jobs depend on its settings or on data
 * (one sweep per campaign schedule, say). Called once, when the scheduler starts.
 */
@FunctionalInterface
public interface PeriodicJobs {

    List<PeriodicJob> jobs();
}
