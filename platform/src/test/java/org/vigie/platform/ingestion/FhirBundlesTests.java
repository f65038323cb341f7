package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.AppointmentStatus;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.CodeSystem;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.DocumentType;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;
import org.vigie.engine.terminology.Terminology;

class FhirBundlesTests {

    private static final FhirBundles BUNDLES = new FhirBundles();

    private static FhirCitizen read(String fixture) {
        return BUNDLES.read(FhirFixtures.text(fixture));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void mapsEveryResourceTypeOfACompleteBundle() {
        FhirCitizen mapped = read("woman-1970.bundle.json");

        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.externalId()).isEqualTo(new ExternalId(ExternalId.INS_NIR, "270057512345678"));
        CitizenFacts c = mapped.citizen().orElseThrow();
        assertThat(c.birthDate()).isEqualTo(date("1970-05-20"));
        assertThat(c.sex()).isEqualTo(Sex.F);
        assertThat(c.conditions()).containsExactly(
                new Condition("J45.9", date("2010-01-01")),
                new Condition("E119", date("2018-03-01")));
        assertThat(c.treatments()).containsExactly(new Treatment("R03AK06", date("2024-01-01")));
        assertThat(c.vaccinations()).containsExactly(
                new Vaccination(Vaccine.FLU, date("2025-10-20")),
                new Vaccination(Vaccine.COVID, date("2024-10-25")));
        assertThat(c.acts()).containsExactly(
                new Act(null, date("2022-05-02"), "QEQK004", CodeSystem.CCAM, null, false),
                new Act(ActKind.FIT_TEST, date("2024-02-10"), null, null, Source.INSURER, false));
        assertThat(c.measures()).containsExactly(
                new Measure(MeasureKind.WEIGHT_KG, 92.5, date("2025-12-01"), null, false),
                new Measure(MeasureKind.BMI, 33.9, date("2025-12-01"), null, false),
                new Measure(MeasureKind.SYSTOLIC_MMHG, 135.0, date("2025-12-01"), null, false),
                new Measure(MeasureKind.DIASTOLIC_MMHG, 85.0, date("2025-12-01"), null, false));
        assertThat(c.appointments()).containsExactly(
                new Appointment(AppointmentKind.MAMMOGRAPHY, date("2026-04-01"), AppointmentStatus.SCHEDULED, null, false));
        assertThat(c.documents()).containsExactly(new Document(DocumentType.IMAGING_REPORT, date("2022-05-02"), null, true));
        assertThat(c.pregnancy()).isNull();
    }

    @Test
    void appliesTheContractsDefaultSourcePerFactType() {
        CitizenFacts c = read("woman-1970.bundle.json").citizen().orElseThrow();

        assertThat(c.conditions()).extracting(Condition::source).containsOnly(Source.SELF);
        assertThat(c.vaccinations()).extracting(Vaccination::source).containsOnly(Source.PROFESSIONAL);
        assertThat(c.acts().get(0).source()).isEqualTo(Source.REIMBURSEMENT_HISTORY);
        assertThat(c.acts().get(1).source()).isEqualTo(Source.INSURER);
        assertThat(c.appointments().get(0).source()).isEqualTo(Source.AGENDA);
        assertThat(c.documents().get(0).source()).isEqualTo(Source.PROFESSIONAL);
    }

    @Test
    void mapsPregnancyWithItsLastMenstrualPeriodAndTheOtherAppointmentStatuses() {
        FhirCitizen mapped = read("pregnancy.bundle.json");

        assertThat(mapped.problems()).isEmpty();
        CitizenFacts c = mapped.citizen().orElseThrow();
        assertThat(c.pregnancy()).isEqualTo(new Pregnancy(date("2026-01-10"), null, true));
        assertThat(c.vaccinations()).containsExactly(new Vaccination(Vaccine.HPV, date("2010-09-01")));
        assertThat(c.appointments()).containsExactly(
                new Appointment(AppointmentKind.DENTAL_EXAM, date("2026-01-05"), AppointmentStatus.MISSED, null, false),
                new Appointment(AppointmentKind.OTHER, date("2025-06-05"), AppointmentStatus.DONE, null, false),
                new Appointment(AppointmentKind.VACCINATION, date("2026-02-01"), AppointmentStatus.CANCELLED, null, false));
        assertThat(c.documents()).containsExactly(new Document(DocumentType.OTHER, date("2026-02-20"), null, false));
    }

    @Test
    void icd10CodesOfBothSystemsResolveWithAndWithoutDots() throws Exception {
        Terminology terminology;
        try (var in = getClass().getClassLoader().getResourceAsStream("vigie/terminology.csv")) {
            terminology = Terminology.read("terminology.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        CitizenFacts c = read("woman-1970.bundle.json").citizen().orElseThrow();

        // WHO ICD-10 with its dot, French CIM-10 without
        assertThat(terminology.conceptsOf(Terminology.System.ICD10, c.conditions().get(0).code())).contains("ASTHMA");
        assertThat(terminology.conceptsOf(Terminology.System.ICD10, c.conditions().get(1).code())).contains("TYPE_2_DIABETES");
        assertThat(terminology.conceptsOf(Terminology.System.ICD10, "J459")).contains("ASTHMA");
        assertThat(terminology.conceptsOf(Terminology.System.ICD10, "E11.9")).contains("TYPE_2_DIABETES");
    }

    @Test
    void aFactAboutAnotherPatientBreaksTheRecordWhileIncompleteEntriesAreOnlyWarnedAndUnusedOnesCounted() {
        FhirCitizen mapped = read("problems.bundle.json");

        assertThat(mapped.externalId()).isEqualTo(new ExternalId(ExternalId.FHIR_PATIENT_ID, "m1"));
        assertThat(mapped.problems()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo(5);
            assertThat(p.resource()).isEqualTo("Condition/someone-else");
            assertThat(p.reason()).contains("refers to Patient/other, not to the bundle's Patient");
        });
        CitizenFacts c = mapped.citizen().orElseThrow();
        assertThat(c.sex()).isEqualTo(Sex.M);
        assertThat(c.conditions()).as("SNOMED CT asthma is read through the crosswalk").containsExactly(
                new Condition("J45.9", null), new Condition("J44.9", date("2019-06-01")));
        assertThat(c.vaccinations()).as("no date: left out; entered in error is not a fact").isEmpty();
        assertThat(c.acts()).isEmpty();
        assertThat(c.measures()).as("pounds converted to kilograms")
                .containsExactly(new Measure(MeasureKind.WEIGHT_KG, 81.65, date("2025-12-01"), null, false));
        assertThat(mapped.warnings()).extracting(BundleProblem::entry, BundleProblem::resource)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "Immunization/no-date"),
                        org.assertj.core.groups.Tuple.tuple(6, null),
                        org.assertj.core.groups.Tuple.tuple(7, "Procedure/colonoscopy-no-date"));
        assertThat(mapped.warnings()).extracting(BundleProblem::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("missing date").contains("occurrenceDateTime"),
                r -> assertThat(r).isEqualTo("the entry has no resource"),
                r -> assertThat(r).startsWith("missing date").contains("performedDateTime"));
        assertThat(mapped.skipped().resourceTypes()).containsExactly(java.util.Map.entry("AllergyIntolerance", 1));
        assertThat(mapped.problems().get(0).toString())
                .isEqualTo("entry[5] Condition/someone-else: subject refers to Patient/other, not to the bundle's Patient");
    }

    @Test
    void refusesASexOtherThanFemaleOrMale() {
        FhirCitizen mapped = read("gender-unknown.bundle.json");

        assertThat(mapped.citizen()).isEmpty();
        assertThat(mapped.problems()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isZero();
            assertThat(p.resource()).isEqualTo("Patient/u1");
            assertThat(p.reason()).contains("'unknown'", "female or male");
        });
    }

    @Test
    void aBundleWithoutPatientYieldsNoCitizen() {
        FhirCitizen mapped = read("no-patient.bundle.json");

        assertThat(mapped.citizen()).isEmpty();
        assertThat(mapped.externalId()).isNull();
        assertThat(mapped.problems()).extracting(BundleProblem::toString)
                .containsExactly("bundle: no Patient entry: a bundle must carry its citizen's Patient");
    }

    @Test
    void rejectsMalformedJsonAsAWhole() {
        assertThatThrownBy(() -> read("malformed.json"))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageStartingWith("not a valid FHIR R4 JSON resource");
    }

    @Test
    void rejectsAResourceThatIsNotABundle() {
        assertThatThrownBy(() -> read("patient-not-bundle.json"))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessage("expected a FHIR R4 Bundle, found a Patient");
    }

    @Test
    void rejectsUnknownElementsRatherThanDroppingThem() {
        assertThatThrownBy(() -> read("unknown-element.bundle.json"))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("onsetDatTime");
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> BUNDLES.read("  "))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("empty input");
    }
}
