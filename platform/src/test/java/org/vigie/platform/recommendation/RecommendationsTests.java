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
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.evaluation.RuleSets;

/** Reconciling stored recommendations in bulk, as sweeps do: idempotent, and confined to the campaigns swept. */
@VigieApplicationTest
class RecommendationsTests {

    private static final Actor ENGINE = Actor.engine("test");

    @Autowired
    Recommendations recommendations;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    TestClock clock;

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
        RecommendationsChanged colorectalSweep = recommendations.reconcile(List.of(new Evaluated(woman.citizen(), nothingDue)),
                Set.of("screen-colorectal"));

        assertThat(colorectalSweep.closed()).isEmpty();
        assertThat(recommendations.of(ENGINE, woman.citizen(), "check")).allMatch(r -> r.status().active());
    }

    @Test
    void aVaccinationSeriesCompletesDoseByDoseAndAnEarlyDoseStillCompletesItsOwnRecommendation() {
        Set<String> zoster = Set.of("vacc-zoster");
        CitizenId id = spaces.register(Actor.ingestion("test"), new Registration("bulk-" + UUID.randomUUID(),
                LocalDate.of(1956, 2, 1), org.vigie.engine.fact.Sex.F, null, null));
        try {
            recommendations.reconcile(List.of(zosterOn(id, "2026-03-16")), zoster);
            assertThat(stored(id)).extracting(StoredRecommendation::dueFrom, StoredRecommendation::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2021, 2, 1), RecommendationStatus.OPEN));

            // the first dose: its recommendation is done, the second dose is open at once, due 2 months later
            RecommendationsChanged firstDose = recommendations.reconcile(List.of(zosterOn(id, "2026-03-20", "2026-03-20")), zoster);
            assertThat(firstDose.closed()).extracting(RecommendationsChanged.Closed::status).containsExactly(RecommendationStatus.COMPLETED);
            assertThat(stored(id)).extracting(StoredRecommendation::dueFrom, StoredRecommendation::status).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2021, 2, 1), RecommendationStatus.COMPLETED),
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 5, 20), RecommendationStatus.OPEN));

            // the second dose ten days before its window: it still completes the second dose's recommendation
            RecommendationsChanged secondDose = recommendations.reconcile(
                    List.of(zosterOn(id, "2026-05-12", "2026-03-20", "2026-05-10")), zoster);
            assertThat(secondDose.opened()).isEmpty();
            assertThat(stored(id)).extracting(StoredRecommendation::dueFrom, StoredRecommendation::status).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2021, 2, 1), RecommendationStatus.COMPLETED),
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 5, 20), RecommendationStatus.COMPLETED));
        } finally {
            clock.reset();
        }
    }

    private List<StoredRecommendation> stored(CitizenId id) {
        return recommendations.of(ENGINE, id, "check").stream().filter(r -> r.key().equals("VACC_ZOSTER")).toList();
    }

    /** The zoster decision on a woman of 70 on a date, with the doses given, the clock set to that date. */
    private Evaluated zosterOn(CitizenId id, String on, String... doses) {
        LocalDate day = LocalDate.parse(on);
        clock.set(day.atTime(9, 0).atZone(TestClock.PARIS).toInstant());
        StringBuilder vaccinations = new StringBuilder();
        for (String d : doses) {
            if (!vaccinations.isEmpty()) vaccinations.append(',');
            vaccinations.append("{\"vaccine\":\"ZOSTER\",\"date\":\"").append(d).append("\"}");
        }
        Snapshot snapshot = SnapshotJson.read("{\"citizenId\":\"x\",\"citizen\":{\"birthDate\":\"1956-02-01\",\"sex\":\"F\","
                + "\"vaccinations\":[" + vaccinations + "]}}");
        return new Evaluated(id, ruleSets.live().evaluate(snapshot, day));
    }

    /** A registered citizen, not created yet (no event re-evaluates them), and the engine's decision on them. */
    private Evaluated evaluated(String birthDate, String sex) {
        Snapshot snapshot = SnapshotJson.read("{\"citizenId\":\"x\",\"citizen\":{\"birthDate\":\"" + birthDate + "\",\"sex\":\"" + sex + "\"}}");
        CitizenId id = spaces.register(Actor.ingestion("test"), new Registration("bulk-" + UUID.randomUUID(),
                snapshot.citizen().birthDate(), snapshot.citizen().sex(), null, null));
        return new Evaluated(id, ruleSets.live().evaluate(snapshot, LocalDate.of(2026, 3, 16)));
    }
}
