package org.vigie.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.json.SnapshotJson;

/** The evaluation module starts alone (no other module; the database only because the application's settings use one). */
@ApplicationModuleTest(extraIncludes = "database")
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class EvaluationModuleTests {

    @Autowired
    RuleSets ruleSets;

    @Test
    void answersWithTheShippedRuleSetAlone() {
        String snapshot = "{\"citizen\":{\"birthDate\":\"1960-01-01\",\"sex\":\"F\"}}";
        LocalDate on = LocalDate.of(2026, 3, 16);
        RuleSet ruleSet = ruleSets.live();
        try (RuleSet shipped = RuleSetManifest.loadDefault()) {
            assertThat(ruleSet.id()).isEqualTo(shipped.id());
            assertThat(SnapshotJson.write(ruleSet.evaluate(SnapshotJson.read(snapshot), on)))
                    .isEqualTo(SnapshotJson.write(shipped.evaluate(SnapshotJson.read(snapshot), on)))
                    .contains("SCREEN_BREAST");
        }
    }
}
