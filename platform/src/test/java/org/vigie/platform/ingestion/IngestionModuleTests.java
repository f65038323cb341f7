package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.evaluation.RuleSets;

/**
 * The ingestion module starts with the citizen module it stores into and the database, and a clock
 * of its own, without the rule base: a snapshot line is stored, a bad one refused with its line.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "database")
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class IngestionModuleTests {

    /** The application's clock is evaluation's bean: the module is given one of its own. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ModuleClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    Ingestion ingestion;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    ApplicationContext context;

    @Test
    void storesASnapshotLineAndRefusesABadOneWithoutTheRuleBase() {
        String run = UUID.randomUUID().toString();
        String lines = "{\"citizenId\":\"" + run + "-woman\",\"citizen\":{\"birthDate\":\"1970-05-20\",\"sex\":\"F\"}}\n"
                + "{\"citizen\":{\"birthDate\":\"1980-01-01\",\"sex\":\"M\"}}\n";
        List<RejectedRecord> rejected = new ArrayList<>();

        IngestionSummary summary = ingestion.ingest(IngestionFormat.JSONL, new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                Actor.ingestion("module-test"), "module test", new Ingestion.Listener() {
                    @Override
                    public void rejected(RejectedRecord record) {
                        rejected.add(record);
                    }

                    @Override
                    public void warned(RecordWarning warning) {
                    }
                });

        assertThat(summary.read()).isEqualTo(2);
        assertThat(summary.stored()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(2));
        assertThat(spaces.findByExternalId(run + "-woman")).isPresent();
        assertThat(context.getBeanNamesForType(RuleSets.class)).as("evaluation is not started").isEmpty();
    }
}
