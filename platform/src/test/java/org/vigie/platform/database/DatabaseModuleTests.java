package org.vigie.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.vigie.platform.evaluation.RuleSets;

/** The database module starts alone: an embedded PostgreSQL with the schema migrated, and no other module. */
@ApplicationModuleTest
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class DatabaseModuleTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void startsAPostgresqlWithTheSchemaMigratedAndNoOtherModule() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in ('citizen', 'recommendation')")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(context.getBeanNamesForType(RuleSets.class)).as("evaluation is not started").isEmpty();
    }
}
