/**
 * Periodic jobs: Quartz, clustered on the application's PostgreSQL (its tables are Flyway's
 * {@code V5}), fires each {@link org.vigie.platform.scheduling.PeriodicJob} a module declares, on
 * one node of the cluster at a time. Quartz only triggers: a job starts work (a sweep, a digest)
 * that the modules' own workers share.
 */
@ApplicationModule(allowedDependencies = {})
package org.vigie.platform.scheduling;

import org.springframework.modulith.ApplicationModule;
