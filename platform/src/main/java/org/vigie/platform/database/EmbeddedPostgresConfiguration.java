package org.vigie.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL from the application's own jar, so that {@code java -jar vigie.jar}
 * needs nothing installed. Backs off as soon as {@code spring.datasource.url} is set: Spring Boot
 * then builds the DataSource as usual.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresSettings.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    // Spring stops it (destroyMethod), not zonky's own shutdown hook: with both, shutdown hangs 30 s
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresSettings settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPort(settings.port())
                // zonky turns these off for speed; data kept across restarts must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (settings.temporary()) {
            builder.setCleanDataDirectory(true);
        } else {
            var directory = settings.dataDirectory().toAbsolutePath().normalize();
            Files.createDirectories(directory);
            StalePostmaster.stopIfOrphaned(directory);
            // after the orphan is stopped: never pull files from under a running PostgreSQL
            if (settings.reset()) DataDirectoryReset.empty(directory);
            builder.setDataDirectory(directory).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL data directory: {}", directory);
        }
        return builder.start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    /** Matches when no {@code spring.datasource.url} is configured. */
    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
