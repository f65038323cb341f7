package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;

/**
 * Records shaped as US systems export them ({@link SyntheticRecords}): what is stored of them, what is
 * skipped and counted, what breaks a record, and the recommendations that follow.
 */
class RealShapedBundlesTests {

    private static final FhirBundles BUNDLES = new FhirBundles();
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 16);
    /** In the 2026-2027 RSV and flu season. */
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 2);
    private static RuleSet rules;

    @BeforeAll
    static void buildRuleSet() {
        rules = RuleSetManifest.loadDefault();
    }

    @AfterAll
    static void closeRuleSet() {
        rules.close();
    }

    private static FhirCitizen read(SyntheticRecords record) {
        return BUNDLES.read(record.json());
    }

    private static List<String> rulesFired(FhirCitizen citizen, LocalDate on) {
        Decision decision = rules.evaluate(new Snapshot(null, on, citizen.citizen().orElseThrow()), on);
        return decision.recommendations().stream().map(Recommendation::rule).toList();
    }

    private static List<Recommendation> campaign(FhirCitizen citizen, LocalDate on, String campaign) {
        Decision decision = rules.evaluate(new Snapshot(null, on, citizen.citizen().orElseThrow()), on);
        return decision.recommendations().stream()
                .filter(r -> r.campaign().toUpperCase(Locale.ROOT).replace('-', '_').equals(campaign)).toList();
    }

    @Test
    void aWomanWithColonCancerCodedInSnomedIsNotOfferedAverageRiskColorectalScreening() {
        SyntheticRecords healthy = SyntheticRecords.woman("crc-control", LocalDate.of(1966, 4, 10));
        SyntheticRecords ill = SyntheticRecords.woman("crc", LocalDate.of(1966, 4, 10))
                .condition("363406005", "Malignant neoplasm of colon (disorder)", LocalDate.of(2021, 2, 1));

        FhirCitizen mapped = read(ill);

        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.warnings()).isEmpty();
        assertThat(mapped.citizen().orElseThrow().conditions()).containsExactly(new Condition("C18.9", LocalDate.of(2021, 2, 1)));
        assertThat(campaign(read(healthy), MARCH, "SCREEN_COLORECTAL")).as("the control is offered screening").isNotEmpty();
        assertThat(campaign(mapped, MARCH, "SCREEN_COLORECTAL")).isEmpty();
    }

    @Test
    void aManWithCopdCodedInSnomedIsRecommendedTheRsvVaccineFrom65() {
        LocalDate born = LocalDate.of(1958, 5, 5);
        FhirCitizen copd = read(SyntheticRecords.man("copd", born)
                .condition("13645005", "Chronic obstructive lung disease (disorder)", LocalDate.of(2015, 9, 1)));

        assertThat(copd.citizen().orElseThrow().conditions()).containsExactly(new Condition("J44.9", LocalDate.of(2015, 9, 1)));
        assertThat(rulesFired(copd, NOVEMBER)).contains("RsvChronicRespiratoryDisease");
        assertThat(campaign(read(SyntheticRecords.man("copd-control", born)), NOVEMBER, "VACC_RSV"))
                .as("at 68 without a chronic disease, no RSV vaccine").isEmpty();
    }

    @Test
    void aRecentColonoscopyCodedInSnomedPutsScreeningOffForFiveYears() {
        FhirCitizen mapped = read(SyntheticRecords.woman("colonoscopy", LocalDate.of(1966, 4, 10))
                .procedure("73761001", "Colonoscopy (procedure)", LocalDate.of(2024, 9, 3)));

        assertThat(mapped.citizen().orElseThrow().acts()).containsExactly(
                new Act(ActKind.COLONOSCOPY, LocalDate.of(2024, 9, 3), null, null, null, false));
        assertThat(campaign(mapped, MARCH, "SCREEN_COLORECTAL")).isEmpty();
    }

    @Test
    void aZostavaxInCvxIsTheLiveVaccineAndShingrixIsStillRecommended() {
        FhirCitizen mapped = read(SyntheticRecords.man("zostavax", LocalDate.of(1955, 2, 2))
                .immunization("121", "zoster live", LocalDate.of(2017, 6, 1)));

        assertThat(mapped.citizen().orElseThrow().vaccinations())
                .contains(new Vaccination(Vaccine.ZOSTER_LIVE, LocalDate.of(2017, 6, 1)))
                .extracting(Vaccination::vaccine).containsOnly(Vaccine.ZOSTER_LIVE, Vaccine.FLU);
        assertThat(rulesFired(mapped, MARCH)).contains("ZosterFirstDoseAfterLiveVaccineFrom65");
    }

    @Test
    void aDeadPatientIsADeceasedAccountWithNoRecommendation() {
        FhirCitizen mapped = read(SyntheticRecords.woman("dead", LocalDate.of(1950, 1, 1)).died(LocalDate.of(2025, 8, 9)));

        assertThat(mapped.problems()).isEmpty();
        CitizenFacts facts = mapped.citizen().orElseThrow();
        assertThat(facts.accountStatus()).isEqualTo(AccountStatus.DECEASED);
        Decision decision = rules.evaluate(new Snapshot(null, MARCH, facts), MARCH);
        assertThat(decision.suppressed()).isNotNull();
        assertThat(decision.recommendations()).isEmpty();
    }

    @Test
    void skipsAndCountsWhatVigieDoesNotUseAndStoresTheRest() {
        SyntheticRecords record = SyntheticRecords.woman("skips", LocalDate.of(1970, 7, 7))
                .condition("44054006", "Diabetes mellitus type 2 (disorder)", LocalDate.of(2016, 3, 3));
        Bundle bundle = record.bundle();
        long encounters = bundle.getEntry().stream().filter(e -> e.getResource().fhirType().equals("Encounter")).count();

        FhirCitizen mapped = BUNDLES.read(ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle));

        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.warnings()).isEmpty();
        assertThat(mapped.skipped().resourceTypes()).containsOnlyKeys("CarePlan", "CareTeam", "Claim", "DiagnosticReport",
                "Encounter", "ExplanationOfBenefit", "Organization", "Practitioner");
        assertThat(mapped.skipped().resourceTypes().get("Encounter")).isEqualTo((int) encounters);
        assertThat(mapped.skipped().resourceTypes().get("Claim")).isEqualTo((int) encounters);
        // lipids, pain, respiratory rate, smoking status, PHQ-2 in LOINC; an employment finding in SNOMED CT
        assertThat(mapped.skipped().codeSystems()).containsOnlyKeys(SyntheticRecords.LOINC, SyntheticRecords.SNOMED);
        assertThat(mapped.skipped().codeSystems().get(SyntheticRecords.SNOMED)).isEqualTo(1);
        CitizenFacts facts = mapped.citizen().orElseThrow();
        assertThat(facts.conditions()).containsExactly(new Condition("E11.9", LocalDate.of(2016, 3, 3)));
        assertThat(facts.measures()).extracting(Measure::kind).contains(MeasureKind.WEIGHT_KG, MeasureKind.HEIGHT_CM,
                MeasureKind.BMI, MeasureKind.SYSTOLIC_MMHG, MeasureKind.DIASTOLIC_MMHG, MeasureKind.HEART_RATE_BPM,
                MeasureKind.BLOOD_GLUCOSE_G_L);
        assertThat(facts.measures()).filteredOn(m -> m.kind() == MeasureKind.BLOOD_GLUCOSE_G_L)
                .allSatisfy(m -> assertThat(m.value()).as("mg/dL to g/L").isBetween(0.7, 1.0));
    }

    @Test
    void convertsPoundsAndInchesToKilogramsAndCentimetres() {
        FhirCitizen mapped = read(SyntheticRecords.woman("us-units", LocalDate.of(1970, 7, 7)).usUnits());

        CitizenFacts facts = mapped.citizen().orElseThrow();
        assertThat(facts.measures()).filteredOn(m -> m.kind() == MeasureKind.HEIGHT_CM)
                .isNotEmpty().allSatisfy(m -> assertThat(m.value()).isCloseTo(163.0, org.assertj.core.data.Offset.offset(0.2)));
        assertThat(facts.measures()).filteredOn(m -> m.kind() == MeasureKind.WEIGHT_KG)
                .isNotEmpty().allSatisfy(m -> assertThat(m.value()).isBetween(59.9, 100.0));
    }

    @Test
    void readsRxNormPrescriptionsInlineContainedOrReferencedAsAtcTreatments() {
        LocalDate day = LocalDate.of(2023, 1, 9);
        FhirCitizen mapped = read(SyntheticRecords.man("meds", LocalDate.of(1960, 1, 1))
                .prescription("745679", "200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", day)
                .prescription("860975", "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet", day)
                .prescription("106892", "Humulin 70/30", day)
                .prescription("999999999", "A drug no table knows", day));

        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.citizen().orElseThrow().treatments()).containsExactly(
                new Treatment("R03AC02", day), new Treatment("A10BA02", day), new Treatment("A10AD01", day));
        assertThat(mapped.skipped().codeSystems()).containsEntry(SyntheticRecords.RXNORM, 1);
    }

    @Test
    void aReferenceToNoEntryOfTheBundleBreaksTheRecord() {
        Bundle bundle = SyntheticRecords.man("dangling", LocalDate.of(1960, 1, 1))
                .condition("13645005", "COPD", LocalDate.of(2015, 9, 1)).bundle();
        bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof org.hl7.fhir.r4.model.Condition).findFirst().map(r -> (org.hl7.fhir.r4.model.Condition) r)
                .orElseThrow().setEncounter(new Reference("urn:uuid:00000000-0000-0000-0000-000000000000"));

        FhirCitizen mapped = BUNDLES.read(encode(bundle));

        assertThat(mapped.problems()).singleElement().extracting(BundleProblem::reason).asString()
                .isEqualTo("encounter refers to urn:uuid:00000000-0000-0000-0000-000000000000, which is no entry of the bundle");
    }

    @Test
    void aFactDatedBeforeBirthOrADeathBeforeBirthBreaksTheRecord() {
        FhirCitizen early = read(SyntheticRecords.man("early", LocalDate.of(1960, 1, 1))
                .condition("13645005", "COPD", LocalDate.of(1950, 9, 1)));
        Bundle dead = SyntheticRecords.man("dead-early", LocalDate.of(1960, 1, 1)).until(LocalDate.of(1961, 1, 1)).bundle();
        ((org.hl7.fhir.r4.model.Patient) dead.getEntryFirstRep().getResource())
                .setDeceased(new org.hl7.fhir.r4.model.DateTimeType("1959-12-31"));

        assertThat(early.problems()).singleElement().extracting(BundleProblem::reason).asString()
                .isEqualTo("dates contradict: dated 1950-09-01, before birthDate 1960-01-01");
        assertThat(BUNDLES.read(encode(dead)).problems()).extracting(BundleProblem::reason)
                .containsExactly("dates contradict: deceasedDateTime 1959-12-31 is before birthDate 1960-01-01");
    }

    @Test
    void anIncompleteEntryIsLeftOutWithAWarningNamingItAndTheRestIsStored() {
        Bundle bundle = SyntheticRecords.man("no-unit", LocalDate.of(1960, 1, 1)).collection().bundle();
        int index = 0;
        Observation panel = null;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Observation o && o.getCode().getCodingFirstRep().getCode().equals("85354-9")) {
                index = i;
                panel = o;
                break;
            }
        }
        panel.getComponentFirstRep().getValueQuantity().setCode(null).setUnit(null).setSystem(null);

        FhirCitizen mapped = BUNDLES.read(encode(bundle));

        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.warnings()).singleElement().hasToString("entry[" + index + "] Observation/" + panel.getIdElement().getIdPart()
                + ": missing unit: component[0].valueQuantity of LOINC 8462-4 has none (expected UCUM 'mm[Hg]')");
        assertThat(mapped.citizen().orElseThrow().measures()).extracting(Measure::kind).contains(MeasureKind.SYSTOLIC_MMHG);
    }

    @Test
    void readsVersionedAndAbsolutePatientReferencesAndEveryBundleType() {
        for (Bundle.BundleType type : List.of(Bundle.BundleType.BATCH, Bundle.BundleType.SEARCHSET, Bundle.BundleType.DOCUMENT)) {
            Bundle bundle = SyntheticRecords.woman("types", LocalDate.of(1970, 1, 1)).collection()
                    .condition("195967001", "Asthma", LocalDate.of(2000, 1, 1)).bundle().setType(type);
            org.hl7.fhir.r4.model.Condition asthma = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(r -> r instanceof org.hl7.fhir.r4.model.Condition).map(r -> (org.hl7.fhir.r4.model.Condition) r)
                    .findFirst().orElseThrow();
            asthma.setSubject(new Reference("Patient/types/_history/2"));
            if (type == Bundle.BundleType.SEARCHSET) {
                bundle.addEntry().setResource(new OperationOutcome().addIssue(new OperationOutcome.OperationOutcomeIssueComponent()
                        .setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)));
            }
            if (type == Bundle.BundleType.DOCUMENT) {
                bundle.getEntry().add(0, new Bundle.BundleEntryComponent().setFullUrl("urn:uuid:5e1f0000-0000-4000-8000-000000000001")
                        .setResource(new Composition().setStatus(Composition.CompositionStatus.FINAL).setTitle("Summary")));
            }
            bundle.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Immunization).findFirst()
                    .ifPresent(e -> ((org.hl7.fhir.r4.model.Immunization) e.getResource())
                            .setPatient(new Reference("https://ehr.example.org/fhir/Patient/types")));

            FhirCitizen mapped = BUNDLES.read(encode(bundle));

            assertThat(mapped.problems()).as(type.toCode()).isEmpty();
            assertThat(mapped.citizen().orElseThrow().conditions()).as(type.toCode()).containsExactly(new Condition("J45.9", LocalDate.of(2000, 1, 1)));
            assertThat(mapped.citizen().orElseThrow().vaccinations()).as(type.toCode()).isNotEmpty();
        }
    }

    private static String encode(Bundle bundle) {
        return ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
    }
}
