package org.vigie.platform.scheduling;

import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;

/**
 * Quartz with its JDBC job store on the application's PostgreSQL, clustered: every node runs a
 * scheduler, and each firing happens on one of them. The tables are Flyway's ({@code V5}), never
 * Quartz's own script. The job store is {@link ClusteredJobStore} (see why there), not the one
 * Spring sets up when given a DataSource.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingSettings.class)
class SchedulingConfiguration {

    /** The application's DataSource as the job store finds it; forgotten when the context closes. */
    @Bean(destroyMethod = "close")
    JobStoreDataSource jobStoreDataSource(DataSource dataSource) {
        return new JobStoreDataSource(ClusteredJobStore.register(dataSource));
    }

    record JobStoreDataSource(String key) implements AutoCloseable {
        @Override
        public void close() {
            ClusteredJobStore.unregister(key);
        }
    }

    @Bean
    SchedulerFactoryBean quartzScheduler(JobStoreDataSource dataSource, ApplicationContext context, SchedulingSettings settings) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.jobStore.class", ClusteredJobStore.class.getName());
        quartz.setProperty("org.quartz.jobStore.applicationDataSource", dataSource.key());
        quartz.setProperty("org.quartz.scheduler.instanceName", "vigie");
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        // without it Quartz reads PostgreSQL's bytea as a long: "Bad value for type long", nothing fires
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
        quartz.putAll(settings.quartz());

        SpringBeanJobFactory jobs = new SpringBeanJobFactory(); // jobs are built by Spring, with their dependencies
        jobs.setApplicationContext(context);

        SchedulerFactoryBean scheduler = new SchedulerFactoryBean();
        scheduler.setSchedulerName("vigie");
        scheduler.setQuartzProperties(quartz);
        scheduler.setJobFactory(jobs);
        scheduler.setAutoStartup(settings.enabled());
        scheduler.setWaitForJobsToCompleteOnShutdown(true);
        return scheduler;
    }
}
