package org.vigie.platform.ingestion;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Multi-year patient records shaped as US systems export them (Synthea-like transaction or
 * collection bundles): urn:uuid references, an Organization and a Practitioner referenced
 * conditionally, a yearly wellness Encounter with its Claim and ExplanationOfBenefit, vital signs in
 * metric or US units, laboratory panels with a DiagnosticReport, a smoking status, a survey, a
 * CarePlan and a CareTeam, a flu shot each autumn, and whatever clinical history a test adds (SNOMED CT
 * conditions and procedures, CVX immunizations, RxNorm prescriptions, a death). Generated here: no
 * public file is copied. Deterministic for a given seed.
 */
final class SyntheticRecords {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String CVX = "http://hl7.org/fhir/sid/cvx";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private record Coded(String code, String display, LocalDate date) {
    }

    private final String id;
    private final Enumerations.AdministrativeGender gender;
    private final LocalDate birthDate;
    private final Random random;
    private LocalDate until = LocalDate.of(2026, 6, 1);
    private LocalDate death;
    private boolean usUnits;
    private Bundle.BundleType type = Bundle.BundleType.TRANSACTION;
    private final List<Coded> conditions = new ArrayList<>();
    private final List<Coded> procedures = new ArrayList<>();
    private final List<Coded> immunizations = new ArrayList<>();
    private final List<Coded> medications = new ArrayList<>();

    private SyntheticRecords(String id, Enumerations.AdministrativeGender gender, LocalDate birthDate, long seed) {
        this.id = id;
        this.gender = gender;
        this.birthDate = birthDate;
        this.random = new Random(seed);
    }

    static SyntheticRecords woman(String id, LocalDate birthDate) {
        return new SyntheticRecords(id, Enumerations.AdministrativeGender.FEMALE, birthDate, id.hashCode());
    }

    static SyntheticRecords man(String id, LocalDate birthDate) {
        return new SyntheticRecords(id, Enumerations.AdministrativeGender.MALE, birthDate, id.hashCode());
    }

    SyntheticRecords condition(String snomed, String display, LocalDate onset) {
        conditions.add(new Coded(snomed, display, onset));
        return this;
    }

    SyntheticRecords procedure(String snomed, String display, LocalDate date) {
        procedures.add(new Coded(snomed, display, date));
        return this;
    }

    SyntheticRecords immunization(String cvx, String display, LocalDate date) {
        immunizations.add(new Coded(cvx, display, date));
        return this;
    }

    SyntheticRecords prescription(String rxnorm, String display, LocalDate date) {
        medications.add(new Coded(rxnorm, display, date));
        return this;
    }

    /** Dies on that day: deceasedDateTime, and the record stops there. */
    SyntheticRecords died(LocalDate date) {
        death = date;
        until = date;
        return this;
    }

    /** Weights in pounds and heights in inches, as US systems record them. */
    SyntheticRecords usUnits() {
        usUnits = true;
        return this;
    }

    SyntheticRecords collection() {
        type = Bundle.BundleType.COLLECTION;
        return this;
    }

    SyntheticRecords until(LocalDate date) {
        until = date;
        return this;
    }

    String json() {
        return FHIR.newJsonParser().encodeResourceToString(bundle());
    }

    Bundle bundle() {
        Bundle bundle = new Bundle().setType(type);
        Patient patient = patient();
        String patientUrl = add(bundle, patient);
        Reference subject = new Reference(patientUrl);
        Organization organization = new Organization();
        organization.setId(uuid());
        organization.addIdentifier().setSystem("https://github.com/synthetichealth/synthea").setValue(organization.getIdElement().getIdPart());
        organization.setName("Clinique Synthétique " + random.nextInt(100));
        add(bundle, organization);
        Practitioner practitioner = new Practitioner();
        practitioner.setId(uuid());
        practitioner.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue(String.valueOf(9_999_000_000L + random.nextInt(999_999)));
        practitioner.addName().setFamily("Médecin" + random.nextInt(1000)).addPrefix("Dr.");
        add(bundle, practitioner);
        // conditional references, as Synthea writes them in transaction bundles
        Reference provider = new Reference("Organization?identifier=https://github.com/synthetichealth/synthea|"
                + organization.getIdElement().getIdPart());
        Reference doctor = new Reference("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|"
                + practitioner.getIdentifierFirstRep().getValue());

        LocalDate first = birthDate.plusYears(Math.max(0, LocalDate.of(2026, 1, 1).getYear() - birthDate.getYear() - 12));
        LocalDate start = first.withDayOfYear(1).plusDays(random.nextInt(200));
        if (!start.isAfter(birthDate)) start = birthDate.plusDays(1);
        for (LocalDate visit = start; visit.isBefore(until); visit = visit.plusYears(1)) {
            String encounter = wellness(bundle, subject, provider, doctor, visit);
            vitals(bundle, subject, encounter, visit);
            labs(bundle, subject, encounter, visit);
            LocalDate autumn = LocalDate.of(visit.getYear(), 10, 15);
            if (autumn.isBefore(until) && autumn.isAfter(birthDate)) {
                Immunization flu = immunization(subject, encounter, "140", "Influenza, seasonal, injectable, preservative free", autumn);
                add(bundle, flu);
            }
        }
        for (Coded c : conditions) {
            String encounter = wellness(bundle, subject, provider, doctor, c.date());
            org.hl7.fhir.r4.model.Condition condition = new org.hl7.fhir.r4.model.Condition();
            condition.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
            condition.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null));
            condition.addCategory(concept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis", "Encounter Diagnosis"));
            condition.setCode(concept(SNOMED, c.code(), c.display()));
            condition.setSubject(subject).setEncounter(new Reference(encounter));
            condition.setOnset(dateTime(c.date())).setRecordedDateElement(dateTime(c.date()));
            add(bundle, condition);
            // a finding nobody maps, as real records carry many
            org.hl7.fhir.r4.model.Condition finding = new org.hl7.fhir.r4.model.Condition();
            finding.setCode(concept(SNOMED, "160903007", "Full-time employment (finding)"));
            finding.setSubject(subject).setEncounter(new Reference(encounter)).setOnset(dateTime(c.date()));
            add(bundle, finding);
        }
        for (Coded p : procedures) {
            String encounter = wellness(bundle, subject, provider, doctor, p.date());
            Procedure procedure = new Procedure();
            procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
            procedure.setCode(concept(SNOMED, p.code(), p.display()));
            procedure.setSubject(subject).setEncounter(new Reference(encounter));
            procedure.setPerformed(new Period().setStartElement(dateTime(p.date())).setEndElement(dateTime(p.date())));
            add(bundle, procedure);
        }
        for (Coded i : immunizations) {
            add(bundle, immunization(subject, wellness(bundle, subject, provider, doctor, i.date()), i.code(), i.display(), i.date()));
        }
        for (int n = 0; n < medications.size(); n++) {
            Coded m = medications.get(n);
            String encounter = wellness(bundle, subject, provider, doctor, m.date());
            MedicationRequest request = new MedicationRequest();
            request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE).setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
            request.setSubject(subject).setEncounter(new Reference(encounter)).setAuthoredOnElement(dateTime(m.date()));
            request.setRequester(doctor);
            CodeableConcept code = concept(RXNORM, m.code(), m.display());
            switch (n % 3) {
                case 0 -> request.setMedication(code);
                case 1 -> { // a Medication entry of the bundle, by urn:uuid
                    Medication medication = new Medication().setCode(code);
                    request.setMedication(new Reference(add(bundle, medication)));
                }
                default -> { // a contained Medication
                    Medication medication = new Medication().setCode(code);
                    medication.setId("med" + n);
                    request.addContained(medication);
                    request.setMedication(new Reference("#med" + n));
                }
            }
            add(bundle, request);
        }
        return bundle;
    }

    private Patient patient() {
        Patient patient = new Patient();
        patient.setId(id);
        patient.addExtension(new Extension("http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                new org.hl7.fhir.r4.model.CodeType(gender == Enumerations.AdministrativeGender.FEMALE ? "F" : "M")));
        patient.addIdentifier().setSystem("https://github.com/synthetichealth/synthea").setValue(id);
        patient.addIdentifier().setType(concept("http://terminology.hl7.org/CodeSystem/v2-0203", "SS", "Social Security Number"))
                .setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("999-" + (10 + random.nextInt(89)) + "-" + (1000 + random.nextInt(8999)));
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Synthétique" + random.nextInt(1000))
                .addGiven(gender == Enumerations.AdministrativeGender.FEMALE ? "Anne" : "Jean"));
        patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("555-" + random.nextInt(9999));
        patient.setGender(gender);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate.toString()));
        if (death != null) patient.setDeceased(dateTime(death));
        patient.addAddress().addLine(random.nextInt(999) + " Rue Imaginaire").setCity("Exempleville").setCountry("US");
        patient.setMaritalStatus(concept("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "M", "Married"));
        patient.addCommunication().setLanguage(concept("urn:ietf:bcp:47", "en-US", "English (United States)"));
        return patient;
    }

    private String wellness(Bundle bundle, Reference subject, Reference provider, Reference doctor, LocalDate date) {
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
        encounter.addType(concept(SNOMED, "410620009", "Well child visit (procedure)"));
        encounter.setSubject(subject).setServiceProvider(provider);
        encounter.addParticipant().setIndividual(doctor);
        encounter.setPeriod(new Period().setStartElement(dateTime(date)).setEndElement(dateTime(date)));
        String url = add(bundle, encounter);
        Claim claim = new Claim();
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setType(concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional", null));
        claim.setUse(Claim.Use.CLAIM).setPatient(subject).setProvider(provider);
        claim.setPriority(concept("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null));
        claim.setBillablePeriod(encounter.getPeriod().copy()).setCreatedElement(dateTime(date));
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setDisplay("Medicare"));
        claim.addItem().setSequence(1).setProductOrService(concept(SNOMED, "410620009", "Well child visit (procedure)"))
                .addEncounter(new Reference(url));
        claim.setTotal(new Money().setValue(new BigDecimal("136.80")).setCurrency("USD"));
        String claimUrl = add(bundle, claim);
        ExplanationOfBenefit eob = new ExplanationOfBenefit();
        eob.setStatus(ExplanationOfBenefit.ExplanationOfBenefitStatus.ACTIVE);
        eob.setType(claim.getType().copy()).setUse(ExplanationOfBenefit.Use.CLAIM).setPatient(subject);
        eob.setCreatedElement(dateTime(date)).setInsurer(new Reference().setDisplay("Medicare")).setProvider(doctor);
        eob.setOutcome(ExplanationOfBenefit.RemittanceOutcome.COMPLETE).setClaim(new Reference(claimUrl));
        eob.addInsurance().setFocal(true).setCoverage(new Reference().setDisplay("Medicare"));
        eob.setBillablePeriod(encounter.getPeriod().copy());
        add(bundle, eob);
        return url;
    }

    private void vitals(Bundle bundle, Reference subject, String encounter, LocalDate date) {
        double heightCm = gender == Enumerations.AdministrativeGender.FEMALE ? 163 : 176;
        double weightKg = 60 + random.nextInt(40) + random.nextInt(10) / 10.0;
        if (usUnits) {
            add(bundle, quantity(subject, encounter, date, "8302-2", "Body Height", round(heightCm / 2.54), "[in_i]"));
            add(bundle, quantity(subject, encounter, date, "29463-7", "Body Weight", round(weightKg / 0.45359237), "[lb_av]"));
        } else {
            add(bundle, quantity(subject, encounter, date, "8302-2", "Body Height", heightCm, "cm"));
            add(bundle, quantity(subject, encounter, date, "29463-7", "Body Weight", weightKg, "kg"));
        }
        add(bundle, quantity(subject, encounter, date, "39156-5", "Body mass index (BMI) [Ratio]",
                round(weightKg / Math.pow(heightCm / 100, 2)), "kg/m2"));
        add(bundle, quantity(subject, encounter, date, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                random.nextInt(4), "{score}"));
        Observation bp = observation(subject, encounter, date, "vital-signs", "85354-9", "Blood pressure panel with all children optional");
        bp.addComponent().setCode(concept(LOINC, "8462-4", "Diastolic Blood Pressure")).setValue(ucum(70 + random.nextInt(20), "mm[Hg]"));
        bp.addComponent().setCode(concept(LOINC, "8480-6", "Systolic Blood Pressure")).setValue(ucum(110 + random.nextInt(30), "mm[Hg]"));
        add(bundle, bp);
        add(bundle, quantity(subject, encounter, date, "8867-4", "Heart rate", 60 + random.nextInt(30), "/min"));
        add(bundle, quantity(subject, encounter, date, "9279-1", "Respiratory rate", 12 + random.nextInt(6), "/min"));
        Observation smoking = observation(subject, encounter, date, "survey", "72166-2", "Tobacco smoking status");
        smoking.setValue(concept(SNOMED, "266919005", "Never smoked tobacco (finding)"));
        add(bundle, smoking);
    }

    private void labs(Bundle bundle, Reference subject, String encounter, LocalDate date) {
        DiagnosticReport report = new DiagnosticReport();
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.setCode(concept(LOINC, "57698-3", "Lipid panel with direct LDL - Serum or Plasma"));
        report.setSubject(subject).setEncounter(new Reference(encounter)).setEffective(dateTime(date)).setIssuedElement(
                new org.hl7.fhir.r4.model.InstantType(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC))));
        String[][] lipids = {{"2093-3", "Cholesterol [Mass/volume] in Serum or Plasma"}, {"2571-8", "Triglycerides"},
                {"18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay"},
                {"2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma"}};
        for (String[] lipid : lipids) {
            Observation o = quantity(subject, encounter, date, lipid[0], lipid[1], 50 + random.nextInt(150), "mg/dL");
            o.getCategoryFirstRep().getCodingFirstRep().setCode("laboratory");
            report.addResult(new Reference(add(bundle, o)));
        }
        add(bundle, report);
        Observation glucose = quantity(subject, encounter, date, "2339-0", "Glucose", 75 + random.nextInt(25), "mg/dL");
        glucose.getCategoryFirstRep().getCodingFirstRep().setCode("laboratory");
        add(bundle, glucose);
        Observation survey = observation(subject, encounter, date, "survey", "55757-9", "Patient Health Questionnaire 2 item (PHQ-2) [Reported]");
        survey.setValue(new Quantity().setValue(random.nextInt(3)).setUnit("{score}"));
        add(bundle, survey);
        CarePlan plan = new CarePlan();
        plan.setStatus(CarePlan.CarePlanStatus.COMPLETED).setIntent(CarePlan.CarePlanIntent.ORDER);
        plan.addCategory(concept(SNOMED, "734163000", "Care plan (record artifact)"));
        plan.setSubject(subject).setEncounter(new Reference(encounter)).setPeriod(new Period().setStartElement(dateTime(date)));
        add(bundle, plan);
        CareTeam team = new CareTeam();
        team.setStatus(CareTeam.CareTeamStatus.INACTIVE).setSubject(subject).setEncounter(new Reference(encounter));
        add(bundle, team);
    }

    private Immunization immunization(Reference subject, String encounter, String cvx, String display, LocalDate date) {
        Immunization immunization = new Immunization();
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        immunization.setVaccineCode(concept(CVX, cvx, display));
        immunization.setPatient(subject).setEncounter(new Reference(encounter));
        immunization.setOccurrence(dateTime(date)).setPrimarySource(true);
        return immunization;
    }

    private Observation quantity(Reference subject, String encounter, LocalDate date, String loinc, String display, double value, String unit) {
        Observation o = observation(subject, encounter, date, "vital-signs", loinc, display);
        o.setValue(ucum(value, unit));
        return o;
    }

    private static Observation observation(Reference subject, String encounter, LocalDate date, String category, String loinc, String display) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category", category, null));
        o.setCode(concept(LOINC, loinc, display));
        o.setSubject(subject).setEncounter(new Reference(encounter));
        o.setEffective(dateTime(date));
        o.setIssuedElement(new org.hl7.fhir.r4.model.InstantType(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC))));
        return o;
    }

    private static Quantity ucum(double value, String unit) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    static CodeableConcept concept(String system, String code, String display) {
        CodeableConcept concept = new CodeableConcept().addCoding(new Coding(system, code, display));
        if (display != null) concept.setTextElement(new StringType(display));
        return concept;
    }

    private static DateTimeType dateTime(LocalDate date) {
        // a local time with an offset, as exporters write it
        return new DateTimeType(date + "T09:30:00-05:00");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private String add(Bundle bundle, Resource resource) {
        if (!resource.getIdElement().hasIdPart()) resource.setId(uuid());
        String url = "urn:uuid:" + resource.getIdElement().getIdPart();
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(url).setResource(resource);
        if (type == Bundle.BundleType.TRANSACTION) {
            entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        }
        return url;
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /**
     * Writes {@code COUNT} bundles of varied people into {@code DIR}, one file each, for measuring
     * {@code ingest} (docs/operations.md): {@code SyntheticRecords COUNT DIR [SEED]}.
     */
    public static void main(String[] args) throws java.io.IOException {
        int count = Integer.parseInt(args[0]);
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[1]));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 11;
        List<String> bundles = population(count, seed);
        for (int i = 0; i < bundles.size(); i++) {
            java.nio.file.Files.writeString(dir.resolve(String.format("patient-%06d.json", i)), bundles.get(i));
        }
    }

    /** Several bundles of varied people, for volume tests: one per line (NDJSON) when joined with newlines. */
    static List<String> population(int count, long seed) {
        Random r = new Random(seed);
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate birth = LocalDate.of(1940 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28));
            SyntheticRecords record = r.nextBoolean() ? woman("pop-" + seed + "-" + i, birth) : man("pop-" + seed + "-" + i, birth);
            if (r.nextInt(4) == 0) record.condition("44054006", "Diabetes mellitus type 2 (disorder)", birth.plusYears(45));
            if (r.nextInt(5) == 0) record.condition("13645005", "Chronic obstructive lung disease (disorder)", birth.plusYears(50));
            if (r.nextInt(5) == 0) record.procedure("73761001", "Colonoscopy (procedure)", LocalDate.of(2023, 3, 1));
            if (r.nextInt(3) == 0) record.prescription("860975", "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet",
                    LocalDate.of(2022, 5, 5));
            if (r.nextInt(8) == 0) record.died(LocalDate.of(2025, 1 + r.nextInt(12), 1 + r.nextInt(28)));
            if (r.nextInt(3) == 0) record.usUnits();
            bundles.add(record.json());
        }
        return bundles;
    }
}
