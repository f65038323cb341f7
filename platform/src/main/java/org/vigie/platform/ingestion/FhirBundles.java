package org.vigie.platform.ingestion;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;

/**
 * Maps one FHIR R4 Bundle (JSON) of any type (transaction, batch, collection, searchset, document) to
 * one citizen: the Patient gives the external id, birth date, sex and death; Condition,
 * MedicationStatement, MedicationRequest, Immunization, Procedure, Observation, Appointment and
 * DocumentReference entries give the facts (mapping in docs/ingestion.md). What Vigie does not use
 * (an Encounter, a Claim, a SNOMED CT finding with no concept) is skipped and counted; an incomplete
 * entry is left out with a warning; only a record that cannot be a citizen's data has problems.
 *
 * <p>Create one instance and share it: it holds the HAPI R4 context (expensive to build, thread-safe)
 * and the code tables. Parsing is strict: JSON that is not valid FHIR R4 (unknown element, bad
 * value) rejects the whole bundle, so a typo never silently drops data.
 */
final class FhirBundles {

    /** At most this many problems are listed for one record: one short line each, never a 200 KB list. */
    static final int LISTED_PROBLEMS = 5;

    private final FhirContext fhir;
    private final FhirCodes codes;

    public FhirBundles() {
        this.fhir = FhirContext.forR4Cached();
        this.codes = FhirCodes.load();
    }

    /**
     * The citizen of a bundle, with its problems, warnings and skips.
     *
     * @throws InvalidBundleException when the text is not JSON, not valid FHIR R4, or not a Bundle
     */
    public FhirCitizen read(String json) {
        Bundle bundle = parse(json);
        List<BundleProblem> problems = new ArrayList<>();
        List<BundleProblem> warnings = new ArrayList<>();
        Map<String, Integer> skippedTypes = new TreeMap<>();
        Map<String, Integer> skippedSystems = new TreeMap<>();
        EntryContext context = new EntryContext();
        Map<String, Medication> medications = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            context.entry(entry.getFullUrl());
            if (entry.getResource() instanceof Medication m) {
                if (entry.hasFullUrl()) medications.put(entry.getFullUrl(), m);
                if (m.getIdElement().hasIdPart()) medications.put("Medication/" + m.getIdElement().getIdPart(), m);
            }
        }
        Identity identity = identity(bundle, context, problems);

        Facts facts = new Facts();
        ClinicalMapping clinical = new ClinicalMapping(codes, context, medications);
        ObservationMapping observations = new ObservationMapping(codes, context);
        AgendaMapping agenda = new AgendaMapping(codes, context);
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            if (resource == null) {
                // a batch or transaction entry may be a bare request (a DELETE): nothing to read
                warnings.add(new BundleProblem(i, null, "the entry has no resource"));
                continue;
            }
            try {
                LocalDate dated = null;
                if (resource instanceof Patient) {
                    if (identity == null || identity.entry != i) {
                        throw new Broken("a second Patient: a bundle carries one citizen");
                    }
                } else if (resource instanceof org.hl7.fhir.r4.model.Condition c) {
                    dated = date(add(facts.conditions, clinical.condition(c)));
                } else if (resource instanceof MedicationStatement m) {
                    dated = date(add(facts.treatments, clinical.treatment(m)));
                } else if (resource instanceof MedicationRequest m) {
                    dated = date(add(facts.treatments, clinical.treatment(m)));
                } else if (resource instanceof Immunization im) {
                    dated = date(add(facts.vaccinations, clinical.vaccination(im)));
                } else if (resource instanceof Procedure p) {
                    dated = date(add(facts.acts, clinical.act(p)));
                } else if (resource instanceof Observation o) {
                    dated = facts.add(observations.map(o));
                } else if (resource instanceof org.hl7.fhir.r4.model.Appointment a) {
                    dated = date(add(facts.appointments, agenda.appointment(a)));
                } else if (resource instanceof DocumentReference d) {
                    dated = date(add(facts.documents, agenda.document(d)));
                } else if (resource instanceof Medication) {
                    continue; // read through the MedicationRequest or MedicationStatement that names it
                } else {
                    // Encounter, Claim, ExplanationOfBenefit, Organization, a searchset's OperationOutcome...
                    skippedTypes.merge(resource.fhirType(), 1, Integer::sum);
                    continue;
                }
                if (dated != null && identity != null && identity.birthDate != null && dated.isBefore(identity.birthDate)) {
                    // which of the two dates is wrong cannot be told: the record is not stored
                    problems.add(new BundleProblem(i, label(resource), "dates contradict: dated " + dated
                            + ", before birthDate " + identity.birthDate));
                }
            } catch (Skipped e) {
                skippedSystems.merge(e.system(), 1, Integer::sum);
            } catch (Rejected e) {
                warnings.add(new BundleProblem(i, label(resource), e.getMessage()));
            } catch (Broken e) {
                problems.add(new BundleProblem(i, label(resource), e.getMessage()));
            }
        }
        Skips skips = new Skips(skippedTypes, skippedSystems);
        if (identity == null || identity.sex == null || identity.birthDate == null) {
            return new FhirCitizen(identity == null ? null : identity.externalId, null, problems, warnings, skips);
        }
        return new FhirCitizen(identity.externalId, facts.of(identity), problems, warnings, skips);
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
            throw new InvalidBundleException("not a valid FHIR R4 JSON resource: " + shortened(e.getMessage()), e);
        }
        if (!(resource instanceof Bundle bundle)) {
            throw new InvalidBundleException("expected a FHIR R4 Bundle, found a " + fhir.getResourceType(resource));
        }
        return bundle;
    }

    /** One short line: a parser's message can quote a whole resource. */
    static String shortened(String message) {
        String line = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    private record Identity(int entry, ExternalId externalId, LocalDate birthDate, Sex sex, boolean deceased) {
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
            // deceasedBoolean true, or a death date: the account is DECEASED (P8), whatever else is stored
            boolean deceased = patient.getDeceased() instanceof BooleanType dead ? dead.booleanValue()
                    : patient.getDeceased() instanceof DateTimeType;
            LocalDate death = patient.getDeceased() instanceof DateTimeType d ? EntryContext.date(d) : null;
            if (death != null && birthDate != null && death.isBefore(birthDate)) {
                problems.add(new BundleProblem(i, label(patient), "dates contradict: deceasedDateTime " + death
                        + " is before birthDate " + birthDate));
            }
            return new Identity(i, externalId, birthDate, sex, deceased);
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

    private static <T extends Fact> T add(List<T> list, T fact) {
        if (fact != null) list.add(fact);
        return fact;
    }

    private static LocalDate date(Fact fact) {
        return fact == null ? null : fact.knownSince();
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

        /** Adds what an observation gave; returns its earliest date, {@code null} for nothing dated. */
        LocalDate add(ObservationMapping.Mapped mapped) {
            if (mapped == null) return null;
            if (mapped.pregnancy() != null && pregnancy != null) {
                throw new Rejected("a second pregnancy in progress: the contract has one, the first is kept");
            }
            LocalDate earliest = null;
            if (mapped.act() != null) {
                acts.add(mapped.act());
                earliest = mapped.act().date();
            }
            for (Measure m : mapped.measures()) {
                if (earliest == null || m.date().isBefore(earliest)) earliest = m.date();
            }
            measures.addAll(mapped.measures());
            if (mapped.pregnancy() != null) pregnancy = mapped.pregnancy();
            return earliest;
        }

        CitizenFacts of(Identity identity) {
            return new CitizenFacts(identity.birthDate, identity.sex, identity.deceased ? AccountStatus.DECEASED : null,
                    null, null, conditions, treatments,
                    pregnancy, vaccinations, acts, measures, null, appointments, documents);
        }
    }
}
