package org.vigie.platform.ingestion;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;

/**
 * Maps one FHIR R4 Bundle (JSON) to one citizen: the Patient gives the external id, birth date and
 * sex; Condition, MedicationStatement, Immunization, Procedure, Observation, Appointment and
 * DocumentReference entries give the facts (mapping in docs/ingestion.md). An entry that cannot be
 * mapped is left out and reported with its position; the caller decides what to store.
 *
 * <p>Create one instance and share it: it holds the HAPI R4 context (expensive to build, thread-safe)
 * and the code tables. Parsing is strict: JSON that is not valid FHIR R4 (unknown element, bad
 * value) rejects the whole bundle, so a typo never silently drops data.
 */
final class FhirBundles {

    private static final String SUPPORTED = "Patient, Condition, MedicationStatement, Immunization, Procedure, "
            + "Observation, Appointment, DocumentReference";

    private final FhirContext fhir;
    private final FhirCodes codes;

    public FhirBundles() {
        this.fhir = FhirContext.forR4Cached();
        this.codes = FhirCodes.load();
    }

    /**
     * The citizen of a bundle, with the problems of its entries.
     *
     * @throws InvalidBundleException when the text is not JSON, not valid FHIR R4, or not a Bundle
     */
    public FhirCitizen read(String json) {
        Bundle bundle = parse(json);
        List<BundleProblem> problems = new ArrayList<>();
        EntryContext context = new EntryContext();
        Identity identity = identity(bundle, context, problems);

        Facts facts = new Facts();
        ClinicalMapping clinical = new ClinicalMapping(codes, context);
        ObservationMapping observations = new ObservationMapping(codes, context);
        AgendaMapping agenda = new AgendaMapping(codes, context);
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            if (resource == null) {
                problems.add(new BundleProblem(i, null, "the entry has no resource"));
                continue;
            }
            try {
                if (resource instanceof Patient) {
                    if (identity == null || identity.entry != i) {
                        throw new Rejected("a second Patient: a bundle carries one citizen");
                    }
                } else if (resource instanceof org.hl7.fhir.r4.model.Condition c) {
                    add(facts.conditions, clinical.condition(c));
                } else if (resource instanceof MedicationStatement m) {
                    add(facts.treatments, clinical.treatment(m));
                } else if (resource instanceof Immunization im) {
                    add(facts.vaccinations, clinical.vaccination(im));
                } else if (resource instanceof Procedure p) {
                    add(facts.acts, clinical.act(p));
                } else if (resource instanceof Observation o) {
                    facts.add(observations.map(o));
                } else if (resource instanceof org.hl7.fhir.r4.model.Appointment a) {
                    add(facts.appointments, agenda.appointment(a));
                } else if (resource instanceof DocumentReference d) {
                    add(facts.documents, agenda.document(d));
                } else {
                    throw new Rejected("unsupported resource type " + resource.fhirType() + " (supported: " + SUPPORTED + ")");
                }
            } catch (Rejected e) {
                problems.add(new BundleProblem(i, label(resource), e.getMessage()));
            }
        }
        if (identity == null || identity.sex == null || identity.birthDate == null) {
            return new FhirCitizen(identity == null ? null : identity.externalId, null, problems);
        }
        return new FhirCitizen(identity.externalId, facts.of(identity), problems);
    }

    private Bundle parse(String json) {
        if (json == null || json.isBlank()) throw new InvalidBundleException("empty input: expected a FHIR R4 Bundle");
        IParser parser = fhir.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        // keep each resource's own id for error messages; references are matched against fullUrl separately
        parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
        IBaseResource resource;
        try {
            resource = parser.parseResource(json);
        } catch (DataFormatException e) {
            throw new InvalidBundleException("not a valid FHIR R4 JSON resource: " + e.getMessage(), e);
        }
        if (!(resource instanceof Bundle bundle)) {
            throw new InvalidBundleException("expected a FHIR R4 Bundle, found a " + fhir.getResourceType(resource));
        }
        return bundle;
    }

    private record Identity(int entry, ExternalId externalId, LocalDate birthDate, Sex sex) {
    }

    /** The first Patient entry: external id, birth date and sex; its problems are the bundle's. */
    private static Identity identity(Bundle bundle, EntryContext context, List<BundleProblem> problems) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            if (!(entry.getResource() instanceof Patient patient)) continue;
            context.patient(entry.getFullUrl(), patient);
            ExternalId externalId = externalId(patient);
            LocalDate birthDate = EntryContext.date(patient.getBirthDateElement());
            Sex sex = switch (patient.getGender()) {
                case FEMALE -> Sex.F;
                case MALE -> Sex.M;
                case OTHER, UNKNOWN, NULL -> null;
            };
            if (externalId == null) {
                problems.add(new BundleProblem(i, label(patient), "no identifier: give an INS-NIR identifier ("
                        + ExternalId.INS_NIR + ") or a Patient id"));
            }
            if (birthDate == null) {
                problems.add(new BundleProblem(i, label(patient), "missing date: birthDate is required"));
            }
            if (sex == null) {
                problems.add(new BundleProblem(i, label(patient), "gender "
                        + (patient.hasGender() ? "'" + patient.getGender().toCode() + "'" : "is missing")
                        + ": the evaluation contract needs female or male (sex F or M)"));
            }
            return new Identity(i, externalId, birthDate, sex);
        }
        problems.add(BundleProblem.ofBundle("no Patient entry: a bundle must carry its citizen's Patient"));
        return null;
    }

    /** The INS-NIR identifier if the Patient has one, else its logical id. */
    private static ExternalId externalId(Patient patient) {
        for (Identifier id : patient.getIdentifier()) {
            if (ExternalId.INS_NIR.equals(id.getSystem()) && id.hasValue() && !id.getValue().isBlank()) {
                return new ExternalId(ExternalId.INS_NIR, id.getValue().strip());
            }
        }
        if (patient.getIdElement().hasIdPart()) {
            return new ExternalId(ExternalId.FHIR_PATIENT_ID, patient.getIdElement().getIdPart());
        }
        return null;
    }

    private static String label(Resource resource) {
        return resource.getIdElement().hasIdPart()
                ? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
                : resource.fhirType();
    }

    private static <T> void add(List<T> list, T fact) {
        if (fact != null) list.add(fact);
    }

    /** The facts gathered so far. */
    private static final class Facts {
        final List<Condition> conditions = new ArrayList<>();
        final List<Treatment> treatments = new ArrayList<>();
        final List<Vaccination> vaccinations = new ArrayList<>();
        final List<Act> acts = new ArrayList<>();
        final List<Measure> measures = new ArrayList<>();
        final List<Appointment> appointments = new ArrayList<>();
        final List<Document> documents = new ArrayList<>();
        Pregnancy pregnancy;

        void add(ObservationMapping.Mapped mapped) {
            if (mapped == null) return;
            measures.addAll(mapped.measures());
            if (mapped.pregnancy() != null) {
                if (pregnancy != null) {
                    throw new Rejected("a second pregnancy in progress: the contract has one");
                }
                pregnancy = mapped.pregnancy();
            }
        }

        CitizenFacts of(Identity identity) {
            return new CitizenFacts(identity.birthDate, identity.sex, null, null, null, conditions, treatments,
                    pregnancy, vaccinations, acts, measures, null, appointments, documents);
        }
    }
}
