package org.vigie.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the database lives; kept across restarts (relative to the working directory)
 * @param temporary     true: a fresh database in a temporary directory, deleted on shutdown (tests)
 * @param reset         true: the data directory is emptied before start, then kept (ignored when temporary)
 * @param port          0: any free port
 */
@ConfigurationProperties("vigie.embedded-postgres")
record EmbeddedPostgresSettings(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("false") boolean temporary,
        @DefaultValue("false") boolean reset,
        @DefaultValue("0") int port) {
}
