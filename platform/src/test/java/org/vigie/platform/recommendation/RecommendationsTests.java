package org.vigie.platform.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Registration;

/** Reconciling stored recommendations in bulk, as sweeps do: idempotent, and confined to the campaigns swept. */
@VigieApplicationTest
class RecommendationsTests {

    private static final Actor ENGINE = Actor.engine("test");

    @Autowired
    Recommendations recommendations;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    RuleSet ruleSet;

    @Test
    void reconcilingTheSameDecisionsTwiceChangesNothingTheSecondTime() {
        List<Evaluated> chunk = List.of(evaluated("1965-02-01", "F"), evaluated("1958-07-01", "M"), evaluated("1990-01-01", "F"));

        RecommendationsChanged first = recommendations.reconcile(chunk);
        RecommendationsChanged second = recommendations.reconcile(chunk);

        int due = chunk.stream().mapToInt(e -> e.decision().recommendations().size()).sum();
        assertThat(first.opened()).hasSize(due);
        assertThat(first.closed()).isEmpty();
        assertThat(second.opened()).isEmpty();
        assertThat(second.closed()).isEmpty();
        for (Evaluated e : chunk) {
            assertThat(recommendations.of(ENGINE, e.citizen(), "check")).extracting(StoredRecommendation::key)
                    .containsExactlyInAnyOrderElementsOf(e.decision().recommendations().stream().map(r -> r.key()).toList());
        }
    }

    @Test
    void aCampaignsSweepOpensAndClosesOnlyThatCampaignsRecommendations() {
        Evaluated woman = evaluated("1965-02-01", "F");
        recommendations.reconcile(List.of(woman), Set.of("screen-breast"));
        assertThat(recommendations.of(ENGINE, woman.citizen(), "check")).extracting(StoredRecommendation::campaign)
                .containsOnly("screen-breast");

        Decision nothingDue = new Decision(woman.decision().citizenId(), woman.decision().on(), woman.decision().ruleSet(), null, List.of());
        RecommendationsChanged colorectalSweep = recommendations.reconcile(List.of(new Evaluated(woman.citizen(), woman.facts(), nothingDue)),
                Set.of("screen-colorectal"));

        assertThat(colorectalSweep.closed()).isEmpty();
        assertThat(recommendations.of(ENGINE, woman.citizen(), "check")).allMatch(r -> r.status().active());
    }

    /** A registered citizen, not created yet (no event re-evaluates them), and the engine's decision on them. */
    private Evaluated evaluated(String birthDate, String sex) {
        Snapshot snapshot = SnapshotJson.read("{\"citizenId\":\"x\",\"citizen\":{\"birthDate\":\"" + birthDate + "\",\"sex\":\"" + sex + "\"}}");
        CitizenId id = spaces.register(Actor.ingestion("test"), new Registration("bulk-" + UUID.randomUUID(),
                snapshot.citizen().birthDate(), snapshot.citizen().sex(), null, null));
        return new Evaluated(id, snapshot.citizen(), ruleSet.evaluate(snapshot, LocalDate.of(2026, 3, 16)));
    }
}
