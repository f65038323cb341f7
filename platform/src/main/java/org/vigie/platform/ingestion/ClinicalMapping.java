package org.vigie.platform.ingestion;

import static org.vigie.platform.ingestion.EntryContext.coding;
import static org.vigie.platform.ingestion.EntryContext.date;
import static org.vigie.platform.ingestion.EntryContext.hidden;
import static org.vigie.platform.ingestion.EntryContext.requireDate;
import static org.vigie.platform.ingestion.EntryContext.source;
import static org.vigie.platform.ingestion.EntryContext.systemsOf;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CodeSystem;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;

/**
 * Medical profile and history: Condition (ICD-10), MedicationStatement (ATC), Immunization
 * (vaccine table) and Procedure (CCAM or act kind). Each method returns the fact, {@code null} for
 * a record that says it does not count (entered in error, refuted, not done), or throws
 * {@link Rejected}.
 */
final class ClinicalMapping {

    private final FhirCodes codes;
    private final EntryContext context;

    ClinicalMapping(FhirCodes codes, EntryContext context) {
        this.codes = codes;
        this.context = context;
    }

    Condition condition(org.hl7.fhir.r4.model.Condition c) {
        if (hasCode(c.getVerificationStatus(), "entered-in-error", "refuted")) return null;
        context.requireCitizen(c.getSubject(), "subject");
        Coding icd = coding(c.getCode(), FhirSystems.ICD10);
        if (icd == null) {
            throw new Rejected("unknown code system: code needs an ICD-10 coding " + FhirSystems.ICD10
                    + ", found " + systemsOf(c.getCode()));
        }
        // onset is optional in the contract: a condition without one is known, with no date
        return new Condition(icd.getCode().strip(), date(c.getOnset()), source(c), hidden(c), null);
    }

    Treatment treatment(MedicationStatement m) {
        if (m.getStatus() == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                || m.getStatus() == MedicationStatement.MedicationStatementStatus.NOTTAKEN) return null;
        context.requireCitizen(m.getSubject(), "subject");
        if (m.getMedication() instanceof Reference) {
            throw new Rejected("medicationReference is not read: give medicationCodeableConcept with an ATC coding");
        }
        CodeableConcept medication = m.getMedication() instanceof CodeableConcept cc ? cc : null;
        Coding atc = coding(medication, FhirSystems.ATC);
        if (atc == null) {
            throw new Rejected("unknown code system: medicationCodeableConcept needs an ATC coding " + FhirSystems.ATC
                    + ", found " + systemsOf(medication));
        }
        return new Treatment(atc.getCode().strip(), date(m.getEffective()), source(m), hidden(m), null);
    }

    Vaccination vaccination(Immunization i) {
        if (i.getStatus() == Immunization.ImmunizationStatus.ENTEREDINERROR
                || i.getStatus() == Immunization.ImmunizationStatus.NOTDONE) return null;
        context.requireCitizen(i.getPatient(), "patient");
        Vaccine vaccine = vaccine(i.getVaccineCode());
        return new Vaccination(vaccine, requireDate(i.getOccurrence(), "occurrenceDateTime"), source(i), hidden(i));
    }

    private Vaccine vaccine(CodeableConcept concept) {
        boolean knownSystem = false;
        for (Coding c : concept.getCoding()) {
            if (!c.hasCode()) continue;
            String system = c.getSystem();
            Vaccine v = null;
            if (FhirSystems.VIGIE_VACCINE.equals(system)) {
                return EntryContext.vigieCode(Vaccine.class, c);
            } else if (FhirSystems.ATC.contains(system)) {
                knownSystem = true;
                v = codes.atcVaccine(c.getCode());
            } else if (FhirSystems.CVX.equals(system)) {
                knownSystem = true;
                v = codes.cvxVaccine(c.getCode());
            }
            if (v != null) return v;
        }
        if (knownSystem) {
            throw new Rejected("vaccineCode " + concept.getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList()
                    + " is none of the vaccines in vigie/fhir/vaccines.csv");
        }
        throw new Rejected("unknown code system: vaccineCode needs an ATC, CVX or " + FhirSystems.VIGIE_VACCINE
                + " coding, found " + systemsOf(concept));
    }

    Act act(Procedure p) {
        if (p.getStatus() == Procedure.ProcedureStatus.ENTEREDINERROR
                || p.getStatus() == Procedure.ProcedureStatus.NOTDONE) return null;
        context.requireCitizen(p.getSubject(), "subject");
        Coding kind = coding(p.getCode(), Set.of(FhirSystems.VIGIE_ACT_KIND));
        Coding ccam = coding(p.getCode(), FhirSystems.CCAM);
        if (kind == null && ccam == null) {
            throw new Rejected("unknown code system: code needs a CCAM coding " + FhirSystems.CCAM + " or an act kind of "
                    + FhirSystems.VIGIE_ACT_KIND + ", found " + systemsOf(p.getCode()));
        }
        var date = requireDate(p.getPerformed(), "performedDateTime or performedPeriod.start");
        // the engine resolves a CCAM code to its kind through the terminology table; unknown codes stay unkinded
        return new Act(kind == null ? null : EntryContext.vigieCode(ActKind.class, kind), date,
                ccam == null ? null : ccam.getCode().strip(), ccam == null ? null : CodeSystem.CCAM, source(p), hidden(p));
    }

    private static boolean hasCode(CodeableConcept concept, String... values) {
        for (Coding c : concept.getCoding()) {
            for (String v : values) if (v.equals(c.getCode())) return true;
        }
        return false;
    }
}
