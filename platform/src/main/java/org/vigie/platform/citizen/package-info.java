/**
 * The citizen space: identity and account lifecycle, facts of every contract type, the holder's
 * choices (opt-out, insurer-data consents, notification preferences, push devices), the
 * append-only trace of every read and write, and retention. Stored with {@code JdbcClient} in the
 * tables of Flyway's {@code V2}; a stored citizen's snapshot is exactly the evaluation contract's.
 */
@ApplicationModule(allowedDependencies = {"input", "web"})
package org.vigie.platform.citizen;

import org.springframework.modulith.ApplicationModule;
