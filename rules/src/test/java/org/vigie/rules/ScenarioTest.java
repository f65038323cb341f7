package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.fact.Vaccination;

/**
 * Runs every case of every scenario file under {@code src/test/resources/scenarios} against the
 * shipped rule set, built once exactly as the platform loads it ({@link RuleSetManifest#loadDefault()}).
 * One dynamic test per case, named by file and case.
 */
class ScenarioTest {

    /** A clinical or act code in a reason would break the rule that reasons are plain French. */
    private static final Pattern CODE = Pattern.compile(
            "\\b([A-Z]\\d{2}(\\.\\d+)?|[A-Z]{4}\\d{3}|[A-Z]+_[A-Z_]+)\\b");

    private static RuleSet ruleSet;

    @BeforeAll
    static void buildShippedRuleSet() {
        ruleSet = RuleSetManifest.loadDefault();
    }

    @AfterAll
    static void close() {
        ruleSet.close();
    }

    static Path scenarioDirectory() {
        URL url = ScenarioTest.class.getClassLoader().getResource("scenarios");
        assertThat(url).as("scenarios directory on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> scenarioFiles() {
        try (Stream<Path> files = Files.list(scenarioDirectory())) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> knownKeys(RuleSet rules) {
        return rules.campaigns().stream().map(Campaign::key).collect(Collectors.toCollection(TreeSet::new));
    }

    @TestFactory
    Stream<DynamicNode> scenarios() {
        Set<String> keys = knownKeys(ruleSet);
        return scenarioFiles().stream().map(path -> {
            ScenarioFile file = ScenarioFile.read(path, keys);
            return DynamicContainer.dynamicContainer(file.key(), path.toUri(), file.cases().stream()
                    .map(scenario -> DynamicTest.dynamicTest(file.key() + " › " + scenario.name(),
                            () -> run(scenario))));
        });
    }

    /**
     * The file-order run above shares one rule set across every case, so an earlier case could mask a
     * defect in a later one. Here every case is decided on a fresh copy of its own, and again, in a
     * shuffled order, by one shared copy: the decisions must be identical.
     */
    @org.junit.jupiter.api.Test
    void everyScenarioIsDecidedAloneAsInAShuffledSharedRun() {
        Set<String> keys = knownKeys(ruleSet);
        List<Scenario> all = scenarioFiles().stream().flatMap(path -> ScenarioFile.read(path, keys).cases().stream()).toList();
        List<Decision> alone = all.stream().map(scenario -> {
            try (RuleSet fresh = ruleSet.fresh()) {
                return fresh.evaluate(scenario.snapshot(), null);
            }
        }).toList();
        long seed = Long.getLong("vigie.scenarios.seed", System.nanoTime());
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, all.size()).boxed().toList());
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        try (RuleSet sharedCopy = ruleSet.fresh()) {
            Decision[] together = new Decision[all.size()];
            for (int i : order) together[i] = sharedCopy.evaluate(all.get(i).snapshot(), null);
            for (int i = 0; i < all.size(); i++) {
                assertThat(together[i]).as("case '%s' decided alone and in a shuffled shared run (-Dvigie.scenarios.seed=%d)",
                        all.get(i).name(), seed).isEqualTo(alone.get(i));
            }
        }
    }

    private static void run(Scenario scenario) {
        if (scenario.pending() == null) {
            check(scenario);
            return;
        }
        try {
            check(scenario);
        } catch (AssertionError expected) {
            throw new TestAbortedException("pending: " + scenario.pending() + System.lineSeparator() + expected.getMessage());
        }
        throw new AssertionError("a pending case now passes: remove its 'pending' (" + scenario.pending() + ")");
    }

    private static void check(Scenario scenario) {
        Decision decision = ruleSet.evaluate(scenario.snapshot(), null);
        String context = System.lineSeparator() + "decision: " + decision;
        assertThat(decision.suppressed()).as("suppressed" + context).isEqualTo(scenario.suppressed());
        if (scenario.suppressed() != null) {
            assertThat(decision.recommendations()).as("recommendations of a suppressed citizen" + context).isEmpty();
        }
        for (String key : scenario.must()) {
            assertThat(decision.recommendations()).filteredOn(r -> r.key().equals(key))
                    .as("recommendations " + key + " (exactly one)" + context).hasSize(1);
        }
        for (String key : scenario.mustNot()) {
            assertThat(decision.recommendations()).filteredOn(r -> r.key().equals(key))
                    .as("recommendations " + key + " (none)" + context).isEmpty();
        }
        scenario.expect().forEach((key, expected) -> {
            Recommendation r = decision.recommendations().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
            if (expected.rule() != null) assertThat(r.rule()).as(key + " rule" + context).isEqualTo(expected.rule());
            if (expected.dueFrom() != null) assertThat(r.dueFrom()).as(key + " dueFrom" + context).isEqualTo(expected.dueFrom());
            if (expected.checkDueBy()) assertThat(r.dueBy()).as(key + " dueBy" + context).isEqualTo(expected.dueBy());
            if (expected.checkPlannedOn()) assertThat(r.plannedOn()).as(key + " plannedOn" + context).isEqualTo(expected.plannedOn());
            if (expected.dataUsed() != null) {
                assertThat(r.dataUsed()).as(key + " dataUsed" + context).containsExactlyInAnyOrderElementsOf(expected.dataUsed());
            }
        });
        for (Recommendation r : decision.recommendations()) {
            checkWellFormed(r, decision, scenario.snapshot().citizen().vaccinations(), context);
        }
    }

    /**
     * What holds for every recommendation, whatever the case: it is due now, or later only when it
     * follows a vaccination already given (the next dose of a series, the delay after another
     * vaccine), and explained in plain words.
     */
    private static void checkWellFormed(Recommendation r, Decision decision, List<Vaccination> vaccinations, String context) {
        if (r.dueFrom().isAfter(decision.on())) {
            assertThat(vaccinations).as(r.key() + ": dueFrom after the reference date follows a vaccination given by then" + context)
                    .anySatisfy(v -> assertThat(v.date()).isBeforeOrEqualTo(decision.on()));
        }
        if (r.dueBy() != null) {
            assertThat(r.dueBy()).as(r.key() + ": dueBy is not before the reference date" + context)
                    .isAfterOrEqualTo(decision.on());
        }
        assertThat(r.reasons()).as(r.key() + ": reasons" + context).isNotEmpty().allSatisfy(reason -> {
            assertThat(reason).as("a reason is one sentence").endsWith(".").doesNotContain(". ");
            assertThat(CODE.matcher(reason).find()).as("a reason names no code: " + reason).isFalse();
        });
    }
}
