package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.SnapshotJson;

/** A citizen read from FHIR is evaluated exactly as the same citizen written as a contract snapshot. */
class FhirBundleEvaluationTests {

    private static RuleSet ruleSet;

    @BeforeAll
    static void buildRuleSet() {
        ruleSet = RuleSetManifest.loadDefault();
    }

    @AfterAll
    static void closeRuleSet() {
        ruleSet.close();
    }

    @Test
    void bundleAndEquivalentSnapshotGetTheSameDecision() {
        Snapshot expected = SnapshotJson.read(FhirFixtures.text("woman-1970.snapshot.json"));
        FhirCitizen mapped = new FhirBundles().read(FhirFixtures.text("woman-1970.bundle.json"));
        Snapshot fromFhir = new Snapshot(null, expected.on(), mapped.citizen().orElseThrow());

        assertThat(fromFhir.citizen()).isEqualTo(expected.citizen());
        Decision decision = ruleSet.evaluate(fromFhir, LocalDate.of(2026, 3, 16));
        assertThat(decision.recommendations()).isNotEmpty();
        assertThat(decision).isEqualTo(ruleSet.evaluate(expected, LocalDate.of(2026, 3, 16)));
    }
}
