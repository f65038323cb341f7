package org.vigie.platform.ingestion;

import static org.vigie.platform.ingestion.EntryContext.coding;
import static org.vigie.platform.ingestion.EntryContext.date;
import static org.vigie.platform.ingestion.EntryContext.firstSystem;
import static org.vigie.platform.ingestion.EntryContext.hidden;
import static org.vigie.platform.ingestion.EntryContext.requireDate;
import static org.vigie.platform.ingestion.EntryContext.source;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CodeSystem;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;
import org.vigie.engine.terminology.Crosswalk;

/**
 * Medical profile and history: Condition (ICD-10 of WHO, France or the US, or SNOMED CT translated to
 * ICD-10), MedicationStatement and MedicationRequest (ATC, or RxNorm translated to ATC; the medication
 * inline, contained or referenced), Immunization (vaccine table) and Procedure (CCAM, act kind, or
 * SNOMED CT translated to an act kind). Each method returns the fact, {@code null} for a record that
 * says it does not count (entered in error, refuted, not done), throws {@link Skipped} for codes Vigie
 * does not use, {@link Rejected} for an incomplete entry and {@link Broken} for a reference that does
 * not resolve.
 */
final class ClinicalMapping {

    private static final Set<String> SNOMED = Set.of(FhirSystems.SNOMED);
    private static final Set<String> RXNORM = Set.of(FhirSystems.RXNORM);

    private final FhirCodes codes;
    private final EntryContext context;
    private final Map<String, Medication> medications;

    /** {@code medications}: the bundle's Medication entries by fullUrl and by Medication/id. */
    ClinicalMapping(FhirCodes codes, EntryContext context, Map<String, Medication> medications) {
        this.codes = codes;
        this.context = context;
        this.medications = medications;
    }

    Condition condition(org.hl7.fhir.r4.model.Condition c) {
        if (hasCode(c.getVerificationStatus(), "entered-in-error", "refuted")) return null;
        context.requireCitizen(c.getSubject(), "subject");
        context.requireResolved(c.getEncounter(), "encounter");
        // onset is optional in the contract: a condition without one is known, with no date
        LocalDate onset = date(c.getOnset());
        Coding icd = coding(c.getCode(), FhirSystems.ICD10);
        if (icd != null) return new Condition(icd.getCode().strip(), onset, source(c), hidden(c), null);
        Coding snomed = coding(c.getCode(), SNOMED);
        Optional<Crosswalk.Mapped> mapped = snomed == null ? Optional.empty() : codes.snomed().of(snomed.getCode());
        if (mapped.isPresent() && mapped.get().target() == Crosswalk.Target.ICD10) {
            return new Condition(mapped.get().code(), onset, source(c), hidden(c), null);
        }
        throw new Skipped(snomed != null ? FhirSystems.SNOMED : firstSystem(c.getCode()));
    }

    Treatment treatment(MedicationStatement m) {
        if (m.getStatus() == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                || m.getStatus() == MedicationStatement.MedicationStatementStatus.NOTTAKEN) return null;
        context.requireCitizen(m.getSubject(), "subject");
        return treatment(m, m.getMedication(), date(m.getEffective()));
    }

    Treatment treatment(MedicationRequest r) {
        if (r.getStatus() == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR
                || r.getStatus() == MedicationRequest.MedicationRequestStatus.CANCELLED
                || r.getIntent() == MedicationRequest.MedicationRequestIntent.PROPOSAL) return null;
        context.requireCitizen(r.getSubject(), "subject");
        context.requireResolved(r.getEncounter(), "encounter");
        return treatment(r, r.getMedication(), r.hasAuthoredOn() ? date(r.getAuthoredOnElement()) : null);
    }

    private Treatment treatment(Resource resource, Type medication, LocalDate since) {
        CodeableConcept concept = medication instanceof Reference ref ? medication(resource, ref).getCode()
                : medication instanceof CodeableConcept cc ? cc : null;
        Coding atc = coding(concept, FhirSystems.ATC);
        if (atc != null) return new Treatment(atc.getCode().strip(), since, source(resource), hidden(resource), null);
        Coding rxnorm = coding(concept, RXNORM);
        Optional<Crosswalk.Mapped> mapped = rxnorm == null ? Optional.empty() : codes.rxnorm().of(rxnorm.getCode());
        if (mapped.isPresent() && mapped.get().target() == Crosswalk.Target.ATC) {
            return new Treatment(mapped.get().code(), since, source(resource), hidden(resource), null);
        }
        throw new Skipped(rxnorm != null ? FhirSystems.RXNORM : firstSystem(concept));
    }

    /** The Medication a reference names: contained (#id) or an entry of the bundle; else the record is broken. */
    private Medication medication(Resource resource, Reference reference) {
        String r = reference.getReference();
        if (r == null) throw new Rejected("medicationReference has no reference: give medicationCodeableConcept");
        if (r.startsWith("#") && resource instanceof org.hl7.fhir.r4.model.DomainResource domain) {
            for (Resource contained : domain.getContained()) {
                if (contained instanceof Medication m && r.substring(1).equals(contained.getIdElement().getIdPart())) return m;
            }
            throw new Broken("medicationReference " + r + " names no contained Medication");
        }
        Medication m = medications.get(r);
        if (m == null) throw new Broken("medicationReference " + r + " names no Medication of the bundle");
        return m;
    }

    Vaccination vaccination(Immunization i) {
        if (i.getStatus() == Immunization.ImmunizationStatus.ENTEREDINERROR
                || i.getStatus() == Immunization.ImmunizationStatus.NOTDONE) return null;
        context.requireCitizen(i.getPatient(), "patient");
        context.requireResolved(i.getEncounter(), "encounter");
        Vaccine vaccine = vaccine(i.getVaccineCode());
        return new Vaccination(vaccine, requireDate(i.getOccurrence(), "occurrenceDateTime"), source(i), hidden(i));
    }

    private Vaccine vaccine(CodeableConcept concept) {
        String known = null;
        for (Coding c : concept.getCoding()) {
            if (!c.hasCode()) continue;
            String system = c.getSystem();
            Vaccine v = null;
            if (FhirSystems.VIGIE_VACCINE.equals(system)) {
                return EntryContext.vigieCode(Vaccine.class, c);
            } else if (FhirSystems.ATC.contains(system)) {
                known = known == null ? system : known;
                v = codes.atcVaccine(c.getCode());
            } else if (FhirSystems.CVX.equals(system)) {
                known = known == null ? system : known;
                v = codes.cvxVaccine(c.getCode());
            }
            if (v != null) return v;
        }
        // a vaccine no rule distinguishes (hepatitis B, meningococcus), or a code system Vigie does not read
        throw new Skipped(known != null ? known : firstSystem(concept));
    }

    Act act(Procedure p) {
        if (p.getStatus() == Procedure.ProcedureStatus.ENTEREDINERROR
                || p.getStatus() == Procedure.ProcedureStatus.NOTDONE) return null;
        context.requireCitizen(p.getSubject(), "subject");
        context.requireResolved(p.getEncounter(), "encounter");
        Coding kind = coding(p.getCode(), Set.of(FhirSystems.VIGIE_ACT_KIND));
        Coding ccam = coding(p.getCode(), FhirSystems.CCAM);
        ActKind snomedKind = null;
        if (kind == null && ccam == null) {
            Coding snomed = coding(p.getCode(), SNOMED);
            snomedKind = snomed == null ? null : codes.snomed().of(snomed.getCode()).map(Crosswalk.Mapped::actKind).orElse(null);
            if (snomedKind == null) throw new Skipped(snomed != null ? FhirSystems.SNOMED : firstSystem(p.getCode()));
        }
        var date = requireDate(p.getPerformed(), "performedDateTime or performedPeriod.start");
        // the engine resolves a CCAM code to its kind through the terminology table; unknown codes stay unkinded
        ActKind resolved = kind != null ? EntryContext.vigieCode(ActKind.class, kind) : snomedKind;
        return new Act(resolved, date, ccam == null ? null : ccam.getCode().strip(), ccam == null ? null : CodeSystem.CCAM,
                source(p), hidden(p));
    }

    private static boolean hasCode(CodeableConcept concept, String... values) {
        for (Coding c : concept.getCoding()) {
            for (String v : values) if (v.equals(c.getCode())) return true;
        }
        return false;
    }
}
