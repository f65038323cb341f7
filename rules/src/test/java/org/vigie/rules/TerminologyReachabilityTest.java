package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.json.StrictJson;
import org.vigie.engine.terminology.Crosswalk;
import org.vigie.engine.terminology.Terminology;

/**
 * Every concept a rule asks for can come out of a real record: from an ICD-10 code, from a SNOMED CT
 * code (conditions) and from an RxNorm code (treatments), through the rule base's terminology. A rule
 * that depended on a concept no record can produce would never fire for anyone.
 */
class TerminologyReachabilityTest {

    private static final Pattern CONCEPT = Pattern.compile("is\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*\\)");
    /** Concepts of treatments (ATC classes); every other concept is a condition's. */
    private static final Set<String> TREATMENT_CONCEPTS = Set.of("OBSTRUCTIVE_AIRWAY_DRUG", "DIABETES_DRUG", "INSULIN");
    /**
     * Condition concepts with no SNOMED CT line yet, for the committee to fill in (docs/ingestion.md):
     * a record from a SNOMED CT system cannot produce them, an ICD-10 one can. The test fails when one
     * of them becomes reachable (take it off the list) or when another concept loses its last line.
     */
    private static final Set<String> NO_SNOMED_CT_YET = Set.of("ASPLENIA", "CERVICAL_LESION", "CERVICAL_SYMPTOM",
            "CHRONIC_RESPIRATORY_FAILURE", "COCHLEAR_IMPLANT", "COLORECTAL_ADENOMA", "CSF_LEAK");

    @Test
    void everyConceptARuleUsesIsReachableFromIcd10SnomedCtAndRxNorm() {
        RuleSetManifest manifest = StrictJson.read(StrictJson.YAML, text(RuleSetManifest.LOCATION), RuleSetManifest.class);
        Terminology terminology = Terminology.read(manifest.terminology(),
                new InputStreamReader(new ByteArrayInputStream(bytes(manifest.terminology())), StandardCharsets.UTF_8));
        Crosswalk snomed = crosswalk("vigie/terminology/snomed-ct.csv");
        Crosswalk rxnorm = crosswalk("vigie/terminology/rxnorm.csv");
        Set<String> used = new TreeSet<>();
        for (RuleSetManifest.CampaignRules campaign : manifest.campaigns()) {
            for (String path : campaign.rules()) {
                String drl = path.endsWith(".drl.csv")
                        ? new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes(path)), InputType.CSV) : text(path);
                Matcher m = CONCEPT.matcher(drl);
                while (m.find()) used.add(m.group(1));
            }
        }
        Set<String> fromSnomed = new TreeSet<>();
        snomed.entries().values().stream().filter(t -> t.target() == Crosswalk.Target.ICD10)
                .forEach(t -> fromSnomed.addAll(terminology.conceptsOf(Terminology.System.ICD10, t.code())));
        Set<String> fromRxNorm = new TreeSet<>();
        rxnorm.entries().values().forEach(t -> fromRxNorm.addAll(terminology.conceptsOf(Terminology.System.ATC, t.code())));
        Set<String> atcConcepts = new TreeSet<>(TREATMENT_CONCEPTS);
        atcConcepts.add("IMMUNOSUPPRESSION");

        assertThat(used).as("concepts the rules use").hasSizeGreaterThan(20);
        Set<String> conditions = new TreeSet<>(used);
        conditions.removeAll(TREATMENT_CONCEPTS);
        Set<String> missingFromSnomed = new TreeSet<>(conditions);
        missingFromSnomed.removeAll(fromSnomed);
        assertThat(missingFromSnomed).as("condition concepts no SNOMED CT line reaches").isEqualTo(new TreeSet<>(NO_SNOMED_CT_YET));
        Set<String> treatments = new TreeSet<>(used);
        treatments.retainAll(atcConcepts);
        assertThat(fromRxNorm).as("treatment concepts reached from RxNorm").containsAll(treatments);
        // ICD-10 and ATC are the terminology's own systems: every concept is defined from one of them
        assertThat(terminology.concepts()).containsAll(used);
    }

    @Test
    void everySnomedCtAndRxNormLineLandsOnACodeTheTerminologyGivesAConcept() {
        RuleSetManifest manifest = StrictJson.read(StrictJson.YAML, text(RuleSetManifest.LOCATION), RuleSetManifest.class);
        Terminology terminology = Terminology.read(manifest.terminology(),
                new InputStreamReader(new ByteArrayInputStream(bytes(manifest.terminology())), StandardCharsets.UTF_8));

        assertThat(crosswalk("vigie/terminology/snomed-ct.csv").entries()).allSatisfy((code, target) -> {
            if (target.target() == Crosswalk.Target.ICD10) {
                assertThat(terminology.conceptsOf(Terminology.System.ICD10, target.code())).as("SNOMED CT " + code).isNotEmpty();
            } else {
                assertThat(target.target()).as("SNOMED CT " + code).isEqualTo(Crosswalk.Target.ACT);
            }
        });
        assertThat(crosswalk("vigie/terminology/rxnorm.csv").entries()).allSatisfy((code, target) -> {
            assertThat(target.target()).as("RxNorm " + code).isEqualTo(Crosswalk.Target.ATC);
            assertThat(terminology.conceptsOf(Terminology.System.ATC, target.code())).as("RxNorm " + code).isNotEmpty();
        });
    }

    private static Crosswalk crosswalk(String path) {
        return Crosswalk.read(path, new InputStreamReader(new ByteArrayInputStream(bytes(path)), StandardCharsets.UTF_8));
    }

    private static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = TerminologyReachabilityTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the class path").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
