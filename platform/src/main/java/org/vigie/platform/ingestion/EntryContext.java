package org.vigie.platform.ingestion;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.vigie.engine.fact.Source;

/**
 * What every entry mapping needs: the bundle's Patient (to refuse facts about someone else), dates
 * as written, and the provenance every fact carries (source tag, hidden-from-representatives label).
 */
final class EntryContext {

    private final Set<String> patientReferences = new HashSet<>();
    private final Set<String> patientIdentifiers = new HashSet<>();
    private final Set<String> fullUrls = new HashSet<>();

    /** Remembers the bundle's entries, so that a urn:uuid reference can be checked. */
    void entry(String fullUrl) {
        if (fullUrl != null && !fullUrl.isBlank()) fullUrls.add(fullUrl);
    }

    /** Remembers how entries may refer to the citizen: the entry's fullUrl, Patient/id, its identifiers. */
    void patient(String fullUrl, Patient patient) {
        if (fullUrl != null && !fullUrl.isBlank()) patientReferences.add(fullUrl);
        if (patient.getIdElement().hasIdPart()) {
            patientReferences.add("Patient/" + patient.getIdElement().getIdPart());
        }
        for (Identifier id : patient.getIdentifier()) {
            patientIdentifiers.add(id.getSystem() + "|" + id.getValue());
        }
    }

    /**
     * Breaks the record when a fact's subject is another patient (its reference does not resolve to
     * the bundle's Patient); a missing subject is the bundle's citizen. A versioned reference
     * ({@code Patient/123/_history/2}) and an absolute one ({@code https://host/fhir/Patient/123}) name
     * the same Patient.
     */
    void requireCitizen(Reference subject, String element) {
        if (subject == null || subject.isEmpty()) return;
        if (subject.hasReference()) {
            if (!isCitizen(subject)) {
                throw new Broken(element + " refers to " + subject.getReference() + ", not to the bundle's Patient");
            }
        } else if (subject.hasIdentifier()) {
            Identifier id = subject.getIdentifier();
            if (!patientIdentifiers.contains(id.getSystem() + "|" + id.getValue())) {
                throw new Broken(element + " identifies " + id.getSystem() + "|" + id.getValue()
                        + ", not the bundle's Patient");
            }
        }
    }

    boolean isCitizen(Reference actor) {
        return actor != null && actor.hasReference() && patientReferences.contains(plain(actor.getReference()));
    }

    /**
     * Breaks the record when a {@code urn:uuid:} reference names no entry of the bundle: in a
     * transaction or collection bundle such a reference can only point inside it. Other references
     * (Encounter/123, a conditional Practitioner?identifier=...) point to the sender's server.
     */
    void requireResolved(Reference reference, String element) {
        if (reference == null || !reference.hasReference()) return;
        String r = reference.getReference();
        if (r.startsWith("urn:uuid:") && !fullUrls.contains(r)) {
            throw new Broken(element + " refers to " + r + ", which is no entry of the bundle");
        }
    }

    boolean resolves(String reference) {
        return fullUrls.contains(reference);
    }

    /** A Patient reference without its version, and relative when it was absolute. */
    static String plain(String reference) {
        String r = reference;
        int history = r.indexOf("/_history/");
        if (history > 0) r = r.substring(0, history);
        int patient = r.lastIndexOf("Patient/");
        if (patient > 0 && !r.startsWith("urn:")) r = r.substring(patient);
        return r;
    }

    /** The source tag ({@code meta.tag} in Vigie's source system), or {@code null} for the contract's default. */
    static Source source(Resource resource) {
        for (Coding tag : resource.getMeta().getTag()) {
            if (FhirSystems.VIGIE_SOURCE.equals(tag.getSystem())) {
                try {
                    return Source.valueOf(tag.getCode());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new Rejected("meta.tag source '" + tag.getCode() + "' is not one of SELF, PROFESSIONAL, "
                            + "REIMBURSEMENT_HISTORY, INSURER, APP, AGENDA");
                }
            }
        }
        return null;
    }

    /** Whether {@code meta.security} carries Vigie's HIDDEN_FROM_REPRESENTATIVES label. */
    static boolean hidden(Resource resource) {
        for (Coding label : resource.getMeta().getSecurity()) {
            if (FhirSystems.VIGIE_SECURITY.equals(label.getSystem())) {
                if (FhirSystems.HIDDEN_FROM_REPRESENTATIVES.equals(label.getCode())) return true;
                throw new Rejected("meta.security label '" + label.getCode() + "' of " + FhirSystems.VIGIE_SECURITY
                        + " is not " + FhirSystems.HIDDEN_FROM_REPRESENTATIVES);
            }
        }
        return false;
    }

    /**
     * The calendar date as written (a date-time keeps its own day, whatever its offset); a partial
     * date (year, or year and month) is its first day. {@code null} when absent or not a date.
     */
    static LocalDate date(Type value) {
        if (value instanceof Period period) return date(period.getStartElement());
        if (!(value instanceof BaseDateTimeType t) || t.getValue() == null) return null;
        String s = t.getValueAsString();
        int year = Integer.parseInt(s.substring(0, 4));
        return switch (t.getPrecision()) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case MONTH -> LocalDate.of(year, Integer.parseInt(s.substring(5, 7)), 1);
            default -> LocalDate.parse(s.substring(0, 10));
        };
    }

    static LocalDate requireDate(Type value, String element) {
        LocalDate date = date(value);
        if (date == null) throw new Rejected("missing date: " + element + " is required");
        return date;
    }

    /** The first coding of the concept whose system is one of {@code systems}, or {@code null}. */
    static Coding coding(CodeableConcept concept, Set<String> systems) {
        if (concept == null) return null;
        for (Coding c : concept.getCoding()) {
            if (c.hasCode() && systems.contains(c.getSystem())) return c;
        }
        return null;
    }

    /** The system an unused entry is counted under: its first coding's, or why there is none. */
    static String firstSystem(CodeableConcept concept) {
        if (concept == null || concept.getCoding().isEmpty()) return "(no coding)";
        Coding first = concept.getCodingFirstRep();
        return first.hasSystem() ? first.getSystem() : "(no system)";
    }

    /** The systems of a concept's codings, for error messages. */
    static String systemsOf(CodeableConcept concept) {
        if (concept == null || concept.getCoding().isEmpty()) return "no coding";
        return "codings in " + concept.getCoding().stream().map(c -> c.hasSystem() ? c.getSystem() : "(no system)")
                .distinct().toList();
    }

    static <E extends Enum<E>> E vigieCode(Class<E> type, Coding coding) {
        try {
            return Enum.valueOf(type, coding.getCode());
        } catch (IllegalArgumentException e) {
            throw new Rejected("'" + coding.getCode() + "' of " + coding.getSystem() + " is not a "
                    + type.getSimpleName() + " of the contract");
        }
    }
}
