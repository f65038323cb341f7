package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.platform.citizen.Citizens.INGESTION;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.BodyMassIndex;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Source;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.evaluation.RuleSets;

@VigieApplicationTest
class MeasureHistoryTests {

    private static final LocalDate AUTUMN_CAMPAIGN = LocalDate.of(2025, 11, 10);

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    Traces traces;

    @Autowired
    RuleSets ruleSets;

    @Test
    void givesTheRulesTheBmiOfAWeightAndAHeightOnly() {
        CitizenFacts weighed = withMeasures(
                new Measure(MeasureKind.HEIGHT_CM, 175.0, LocalDate.of(2025, 8, 1), Source.PROFESSIONAL, false),
                new Measure(MeasureKind.WEIGHT_KG, 95.0, LocalDate.of(2025, 9, 1), Source.SELF, false));
        CitizenId id = spaces.importSnapshot(INGESTION, Citizens.externalId(), weighed, "bulk load");

        Snapshot stored = spaces.snapshot(Actor.engine(ruleSets.live().id()), id, "evaluation");

        // the snapshot is what is stored; the engine derives 95 / 1.75² = 31.0, for the stored citizen as for the file
        assertThat(stored.citizen().measures()).containsExactlyInAnyOrderElementsOf(weighed.measures());
        assertThat(covidRules(new Snapshot(id.toString(), AUTUMN_CAMPAIGN, stored.citizen()))).containsExactly("CovidAutumnObesityByBmi");
        assertThat(covidRules(new Snapshot("as-entered", AUTUMN_CAMPAIGN, weighed))).containsExactly("CovidAutumnObesityByBmi");
    }

    @Test
    void aRecordedBmiAsRecentWinsOverTheDerivedOne() {
        CitizenFacts measured = withMeasures(
                new Measure(MeasureKind.HEIGHT_CM, 175.0, LocalDate.of(2025, 8, 1), Source.SELF, false),
                new Measure(MeasureKind.WEIGHT_KG, 95.0, LocalDate.of(2025, 9, 1), Source.SELF, false),
                new Measure(MeasureKind.BMI, 27.0, LocalDate.of(2025, 10, 1), Source.PROFESSIONAL, false));
        CitizenId id = spaces.importSnapshot(INGESTION, Citizens.externalId(), measured, "bulk load");

        assertThat(covidRules(new Snapshot(id.toString(), AUTUMN_CAMPAIGN, spaces.snapshot(INGESTION, id, "check").citizen())))
                .isEmpty();
    }

    @Test
    void listsTheMeasuresNewestFirstWithTheBmiAndTracesTheReading() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1975, 1, 1), Sex.M);
        Actor holder = Actor.holder(id);
        spaceFacts.addFact(holder, id, measure(MeasureKind.WEIGHT_KG, 90.0, LocalDate.of(2025, 6, 1), false), "mine");
        spaceFacts.addFact(holder, id, measure(MeasureKind.HEIGHT_CM, 180.0, LocalDate.of(2024, 1, 1), false), "mine");
        spaceFacts.addFact(holder, id, measure(MeasureKind.WEIGHT_KG, 84.0, LocalDate.of(2026, 2, 1), false), "mine");
        spaceFacts.addFact(holder, id, measure(MeasureKind.SYSTOLIC_MMHG, 128.0, LocalDate.of(2025, 12, 1), false), "mine");

        MeasureHistory history = spaceFacts.measures(holder, id, "my profile");

        assertThat(history.measures()).extracting(f -> ((Measure) f.fact()).date()).containsExactly(
                LocalDate.of(2026, 2, 1), LocalDate.of(2025, 12, 1), LocalDate.of(2025, 6, 1), LocalDate.of(2024, 1, 1));
        BodyMassIndex bmi = history.bodyMassIndex().orElseThrow();
        assertThat(bmi.value()).isEqualTo(25.9); // 84 / 1.80² = 25.93
        assertThat(bmi.date()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(bmi.weight().value()).isEqualTo(84.0);
        assertThat(traces.of(id).stream().filter(t -> !t.why().startsWith("re-evaluation"))).last().satisfies(t -> {
            assertThat(t.what()).isEqualTo("read measures");
            assertThat(t.why()).isEqualTo("my profile");
        });
    }

    @Test
    void neverShowsARepresentativeABmiComputedFromAHiddenMeasure() {
        CitizenId minor = Citizens.activated(spaces, lifecycle, LocalDate.of(2011, 4, 1), Sex.F);
        Actor holder = Actor.holder(minor);
        Actor parent = Actor.representative("parent-1");
        spaceFacts.addFact(holder, minor, measure(MeasureKind.HEIGHT_CM, 160.0, LocalDate.of(2026, 1, 5), false), "known");
        spaceFacts.addFact(holder, minor, measure(MeasureKind.WEIGHT_KG, 52.0, LocalDate.of(2026, 1, 5), true), "secret");

        MeasureHistory seen = spaceFacts.measures(parent, minor, "parent's view");

        assertThat(seen.measures()).extracting(f -> ((Measure) f.fact()).kind()).containsExactly(MeasureKind.HEIGHT_CM);
        assertThat(seen.bodyMassIndex()).isEmpty();
        assertThat(spaceFacts.measures(holder, minor, "my view").bodyMassIndex()).hasValueSatisfying(b -> assertThat(b.value()).isEqualTo(20.3));
        assertThat(spaces.snapshot(parent, minor, "parent's view").citizen().measures()).extracting(Measure::kind)
                .containsExactly(MeasureKind.HEIGHT_CM);
        assertThat(spaces.snapshot(holder, minor, "my view").citizen().measures()).extracting(Measure::kind)
                .containsExactlyInAnyOrder(MeasureKind.HEIGHT_CM, MeasureKind.WEIGHT_KG);
    }

    private List<String> covidRules(Snapshot snapshot) {
        return ruleSets.live().evaluate(snapshot, snapshot.on()).recommendations().stream()
                .filter(r -> r.key().equals("VACC_COVID")).map(Recommendation::rule).toList();
    }

    private static CitizenFacts withMeasures(Measure... measures) {
        return CitizenFacts.builder(LocalDate.of(1980, 6, 1), Sex.M).measures(List.of(measures)).build();
    }

    private static Measure measure(MeasureKind kind, double value, LocalDate date, boolean hidden) {
        return new Measure(kind, value, date, Source.SELF, hidden);
    }
}
