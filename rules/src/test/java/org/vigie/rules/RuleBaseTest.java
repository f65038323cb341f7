package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.json.StrictJson;
import org.vigie.engine.terminology.Terminology;

/** Checks on the shipped rule base as a whole: what it compiles to, and that rules, terminology and scenarios agree. */
class RuleBaseTest {

    private static final Pattern CONCEPT = Pattern.compile("is\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*\\)");

    private static RuleSet ruleSet;
    private static RuleSetManifest manifest;

    @BeforeAll
    static void load() {
        ruleSet = RuleSetManifest.loadDefault();
        manifest = StrictJson.read(StrictJson.YAML, text(RuleSetManifest.LOCATION), RuleSetManifest.class);
    }

    @AfterAll
    static void close() {
        ruleSet.close();
    }

    @Test
    void shipsTheScreeningCampaignsUnderTheirKeys() {
        assertThat(ruleSet.id()).startsWith("default@");
        assertThat(ruleSet.campaigns()).extracting(Campaign::id, Campaign::key).contains(
                Tuple.tuple("screen-breast", "SCREEN_BREAST"),
                Tuple.tuple("screen-colorectal", "SCREEN_COLORECTAL"),
                Tuple.tuple("screen-cervical", "SCREEN_CERVICAL"));
    }

    @Test
    void everyCampaignHasItsDecisionsPageNamedAfterItsKey() {
        // the key is the campaign id in upper case (checked when the rule set is built); the page is named after it
        Path pages = Path.of("..", "docs", "rules");
        assertThat(ruleSet.campaigns()).allSatisfy(campaign ->
                assertThat(pages.resolve(campaign.key() + ".md")).as("decisions page of " + campaign.id()).isRegularFile());
    }

    @Test
    void cervicalDecisionTableCompilesToOneRulePerRow() {
        // a table named *.csv instead of *.drl.csv would silently compile to no rule at all
        assertThat(manifest.campaigns()).filteredOn(c -> c.id().equals("screen-cervical"))
                .singleElement().satisfies(c -> assertThat(c.rules()).first().asString().endsWith(".drl.csv"));
        // the table's six rows, and the symptom rule of the DRL file beside it
        assertThat(ruleSet.rulesOf("screen-cervical")).containsExactlyInAnyOrder(
                "CervicalFirstCytology", "CervicalSecondCytology", "CervicalCytologyEvery3Years",
                "CervicalFirstHpvTest", "CervicalHpvTestAfterCytology", "CervicalHpvTestEvery5Years",
                "CervicalSymptomSeeDoctor");
    }

    @Test
    void everyDecisionTableRowBecomesARuleOfItsCampaign() {
        for (RuleSetManifest.CampaignRules campaign : manifest.campaigns()) {
            for (String path : campaign.rules()) {
                if (!path.endsWith(".drl.csv")) continue;
                Set<String> tableRules = ruleNames(tableAsDrl(path));
                assertThat(tableRules).as("rules generated from " + path).isNotEmpty();
                assertThat(ruleSet.rulesOf(campaign.id())).as("rules of " + campaign.id()).containsAll(tableRules);
            }
        }
    }

    @Test
    void drlCampaignsCompileToTheirNamedRules() {
        assertThat(ruleSet.rulesOf("screen-breast"))
                .containsExactlyInAnyOrder("BreastScreeningFirst", "BreastScreeningRenewal", "BreastSymptomSeeDoctor");
        assertThat(ruleSet.rulesOf("screen-colorectal")).containsExactlyInAnyOrder(
                "ColorectalScreeningFirst", "ColorectalScreeningAfterTest", "ColorectalScreeningAfterColonoscopy",
                "ColorectalSymptomSeeDoctor");
    }

    @Test
    void everyConceptARuleAsksForIsInTheTerminologyTable() {
        // a misspelt concept would match no code and silently drop an exclusion
        Terminology terminology = Terminology.read(manifest.terminology(),
                new InputStreamReader(new ByteArrayInputStream(bytes(manifest.terminology())), StandardCharsets.UTF_8));
        Map<String, Set<String>> conceptsByFile = new LinkedHashMap<>();
        for (RuleSetManifest.CampaignRules campaign : manifest.campaigns()) {
            for (String path : campaign.rules()) {
                String drl = path.endsWith(".drl.csv") ? tableAsDrl(path) : text(path);
                Set<String> concepts = new TreeSet<>();
                Matcher m = CONCEPT.matcher(drl);
                while (m.find()) concepts.add(m.group(1));
                conceptsByFile.put(path, concepts);
            }
        }
        // a rule file may ask for no concept at all (a vaccination given at fixed ages needs no
        // condition); the rule set as a whole must ask for some, or the pattern above is broken
        assertThat(conceptsByFile.values().stream().flatMap(Set::stream)).as("concepts asked for by the rule set").isNotEmpty();
        assertThat(conceptsByFile).allSatisfy((path, concepts) ->
                assertThat(terminology.concepts()).as("terminology concepts used by " + path).containsAll(concepts));
    }

    @Test
    void everyRuleIsShownFiringByAtLeastOneScenario() {
        Set<String> keys = ScenarioTest.knownKeys(ruleSet);
        Set<String> shown = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (var path : ScenarioTest.scenarioFiles()) {
            ScenarioFile file = ScenarioFile.read(path, keys);
            files.add(file.key());
            file.cases().forEach(c -> c.expect().values().forEach(e -> {
                if (e.rule() != null) shown.add(e.rule());
            }));
        }
        assertThat(files).as("a scenario file per key").containsAll(keys);
        for (Campaign campaign : ruleSet.campaigns()) {
            assertThat(shown).as("rules of " + campaign.id() + " named in some expect.rule")
                    .containsAll(ruleSet.rulesOf(campaign.id()));
        }
    }

    @Test
    void everyDeclaredCategoryIsReadBySomeRuleOfTheCampaign() {
        // minimisation works both ways: the build rejects a rule reading an undeclared category,
        // this rejects a declared category no rule reads (seen in dataUsed over all scenario cases)
        Set<String> keys = ScenarioTest.knownKeys(ruleSet);
        Map<String, Set<DataCategory>> used = new LinkedHashMap<>();
        for (var path : ScenarioTest.scenarioFiles()) {
            for (Scenario scenario : ScenarioFile.read(path, keys).cases()) {
                for (Recommendation r : ruleSet.evaluate(scenario.snapshot(), null).recommendations()) {
                    used.computeIfAbsent(r.campaign(), k -> EnumSet.noneOf(DataCategory.class)).addAll(r.dataUsed());
                }
            }
        }
        for (Campaign campaign : ruleSet.campaigns()) {
            assertThat(used.getOrDefault(campaign.id(), Set.of())).as("categories read by " + campaign.id())
                    .containsExactlyInAnyOrderElementsOf(campaign.dataCategories());
        }
    }

    private static Set<String> ruleNames(String drl) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"").matcher(drl);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static String tableAsDrl(String path) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes(path)), InputType.CSV);
    }

    private static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = RuleBaseTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the class path").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
