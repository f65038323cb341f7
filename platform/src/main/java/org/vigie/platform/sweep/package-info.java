/**
 * Population sweeps: every stored citizen evaluated for some campaigns on a reference date, their
 * recommendations reconciled in bulk. A sweep is cut into chunks of citizens that the workers of
 * every node claim ({@code SELECT … FOR UPDATE SKIP LOCKED}) and check in one transaction each; it
 * resumes after a crash without redoing a finished chunk. Quartz starts each campaign's sweep on its
 * schedule, and the retention purge; operators follow and start sweeps at {@code /api/v1/sweeps}.
 */
@ApplicationModule(allowedDependencies = {"citizen", "database", "evaluation", "recommendation", "scheduling", "web"})
package org.vigie.platform.sweep;

import org.springframework.modulith.ApplicationModule;
