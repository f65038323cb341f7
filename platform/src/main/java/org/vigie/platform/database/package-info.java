/**
 * The database: an embedded PostgreSQL unless {@code spring.datasource.url} names one, and the
 * Flyway migrations under {@code db/migration}.
 */
@ApplicationModule(allowedDependencies = {})
package org.vigie.platform.database;

import org.springframework.modulith.ApplicationModule;
