package org.vigie.platform.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.quartz.SchedulerConfigException;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's JDBC job store on the application's DataSource, with transactions of its own. Public
 * only because Quartz instantiates it by name ({@code org.quartz.jobStore.class}); no module uses it.
 *
 * <p>Not Spring's {@code LocalDataSourceJobStore}: that one registers its connections in Quartz's
 * static {@link DBConnectionManager} under the scheduler's name, which is the same on every node of
 * the cluster ({@code vigie}) — so a second application context in the same JVM (a command, a test)
 * replaced the first one's connections, and closing it left the first scheduler with a closed pool.
 * Here each scheduler registers its DataSource under a key of its own.
 */
public class ClusteredJobStore extends JobStoreTX {

    private static final Map<String, DataSource> DATA_SOURCES = new ConcurrentHashMap<>();

    private String applicationDataSource;

    /** Makes the DataSource known to the job store that {@code org.quartz.jobStore.applicationDataSource} names. */
    static String register(DataSource dataSource) {
        String key = UUID.randomUUID().toString();
        DATA_SOURCES.put(key, dataSource);
        return key;
    }

    static void unregister(String key) {
        DATA_SOURCES.remove(key);
    }

    /** Set by Quartz from {@code org.quartz.jobStore.applicationDataSource}. */
    public void setApplicationDataSource(String key) {
        this.applicationDataSource = key;
    }

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        DataSource dataSource = applicationDataSource == null ? null : DATA_SOURCES.get(applicationDataSource);
        if (dataSource == null) {
            throw new SchedulerConfigException("no application DataSource registered as '" + applicationDataSource + "'");
        }
        String name = "vigie-" + applicationDataSource;
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the application closes its pool itself
            }

            @Override
            public void initialize() {
            }
        });
        setDataSource(name);
        super.initialize(loadHelper, signaler);
    }
}
