package org.vigie.platform.bench.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.bench.targeting.BoundaryCitizens.Case;
import org.vigie.platform.bench.targeting.Targeting.Screening;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.BulkImport;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenRange;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.citizen.SpaceImport;
import org.vigie.platform.evaluation.RuleSets;
import org.vigie.platform.population.SyntheticPopulation;

/**
 * The hand-written SQL targets exactly the citizens the engine recommends each screening campaign
 * to, over every citizen stored (a generated population, the boundary citizens, and whatever other
 * tests stored), on several dates: today, a 28 February, a 29 February, and dates years back, when
 * much of what the generated citizens did has not happened yet.
 */
@VigieApplicationTest
class TargetingTests {

    static final long SEED = 5_050;
    static final int CITIZENS = 4_000;
    static final LocalDate TODAY = VigieApplicationTest.TODAY;
    static final List<LocalDate> ANCHORS = List.of(TODAY, LocalDate.of(2024, 2, 29));
    static final String PREFIX = "targeting-boundary-";

    @Autowired
    BulkImport bulk;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    JdbcClient jdbc;

    Targeting targeting;

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        ANCHORS.forEach(d -> cases.addAll(BoundaryCitizens.on(d)));
        cases.addAll(BoundaryCitizens.leapDays());
        return cases;
    }

    static Stream<LocalDate> dates() {
        return Stream.of(TODAY, LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 27), LocalDate.of(2024, 2, 29),
                LocalDate.of(2021, 6, 30), LocalDate.of(2018, 1, 1));
    }

    @BeforeEach
    void store() {
        targeting = new Targeting(jdbc);
        if (bulk.countByExternalIdPrefix(SyntheticPopulation.externalIdPrefix(SEED)) == 0) {
            bulk.load(Actor.ingestion("targeting-tests"), "targeting tests, seed " + SEED, CITIZENS,
                    new SyntheticPopulation(TODAY, SEED)::space);
        }
        if (bulk.countByExternalIdPrefix(PREFIX) == 0) {
            List<Case> cases = cases();
            bulk.load(Actor.ingestion("targeting-tests"), "targeting tests, boundary citizens", cases.size(),
                    i -> new SpaceImport(PREFIX + i, cases.get(i).citizen(), List.of(), cases.get(i).on()));
            // a space not created yet is never evaluated, whatever its age
            spaces.register(Actor.ingestion("targeting-tests"),
                    new Registration(PREFIX + "not-created", TODAY.minusYears(60), Sex.F, null, null));
        }
    }

    @ParameterizedTest
    @MethodSource("dates")
    void targetsExactlyTheCitizensTheEngineRecommendsTheCampaignTo(LocalDate on) {
        Map<Screening, Set<CitizenId>> engine = engineTargets(on);
        long stored = jdbc.sql("select count(*) from citizen").query(Long.class).single();

        for (Screening campaign : Screening.values()) {
            Set<CitizenId> sql = targeting.targets(campaign, on);

            assertThat(described(difference(sql, engine.get(campaign)), on)).as(campaign + " on " + on + ": targeted by SQL only")
                    .isEmpty();
            assertThat(described(difference(engine.get(campaign), sql), on)).as(campaign + " on " + on + ": targeted by the engine only")
                    .isEmpty();
            assertThat(sql.size()).as(campaign + " targets on " + on).isGreaterThan(50);
            assertThat(stored - sql.size()).as(campaign + " citizens not targeted on " + on).isGreaterThan(1_000);
        }
    }

    @Test
    void boundaryCitizensFallOnTheSideTheRulesSay() {
        List<Case> cases = cases();
        Map<LocalDate, Map<Screening, Set<CitizenId>>> byDate = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            CitizenId id = spaces.findByExternalId(PREFIX + i).orElseThrow();
            Map<Screening, Set<CitizenId>> sql = byDate.computeIfAbsent(c.on(), on -> {
                Map<Screening, Set<CitizenId>> all = new EnumMap<>(Screening.class);
                for (Screening s : Screening.values()) all.put(s, targeting.targets(s, on));
                return all;
            });
            Set<Screening> targetedBySql = EnumSet.noneOf(Screening.class);
            sql.forEach((campaign, ids) -> {
                if (ids.contains(id)) targetedBySql.add(campaign);
            });
            Set<Screening> targetedByEngine = EnumSet.noneOf(Screening.class);
            Decision decision = ruleSets.live().evaluate(spaces.snapshot(Actor.engine("targeting-tests"), id, "check"), c.on());
            decision.recommendations().forEach(r -> Stream.of(Screening.values())
                    .filter(s -> s.campaign().equals(r.campaign())).forEach(targetedByEngine::add));
            if (!targetedBySql.equals(c.expected()) || !targetedByEngine.equals(c.expected())) {
                wrong.add(c.name() + " on " + c.on() + ": expected " + c.expected() + ", SQL " + targetedBySql
                        + ", engine " + targetedByEngine);
            }
        }
        assertThat(wrong).as("boundary citizens").isEmpty();
        CitizenId notCreated = spaces.findByExternalId(PREFIX + "not-created").orElseThrow();
        for (Screening s : Screening.values()) assertThat(targeting.targets(s, TODAY)).doesNotContain(notCreated);
    }

    /** Every stored citizen the engine recommends each campaign to on the date, read as a sweep reads them. */
    private Map<Screening, Set<CitizenId>> engineTargets(LocalDate on) {
        Map<Screening, Set<CitizenId>> targets = new EnumMap<>(Screening.class);
        for (Screening s : Screening.values()) targets.put(s, new HashSet<>());
        for (CitizenRange range : spaces.ranges(1_000)) {
            Map<CitizenId, Snapshot> snapshots = spaces.snapshots(Actor.engine("targeting-tests"), spaces.citizensIn(range),
                    "targeting tests");
            snapshots.forEach((id, snapshot) -> {
                Decision decision;
                try {
                    decision = ruleSets.live().evaluate(snapshot, on);
                } catch (InvalidInputException bornLater) {
                    return; // not born yet on that date: refused by the engine, targeted by nobody
                }
                decision.recommendations().forEach(r -> {
                    for (Screening s : Screening.values()) if (s.campaign().equals(r.campaign())) targets.get(s).add(id);
                });
            });
        }
        return targets;
    }

    /** The first few citizens, with what is stored of them: what to look at when both sides disagree. */
    private List<String> described(Set<CitizenId> citizens, LocalDate on) {
        return citizens.stream().limit(5)
                .map(id -> spaces.snapshot(Actor.engine("targeting-tests"), id, "mismatch") + " on " + on).toList();
    }

    private static Set<CitizenId> difference(Set<CitizenId> a, Set<CitizenId> b) {
        Set<CitizenId> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }
}
