package org.vigie.platform.ingestion;

import static org.vigie.platform.ingestion.EntryContext.coding;
import static org.vigie.platform.ingestion.EntryContext.hidden;
import static org.vigie.platform.ingestion.EntryContext.requireDate;
import static org.vigie.platform.ingestion.EntryContext.source;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.AppointmentStatus;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.DocumentType;

/** Agenda appointments and DMP document metadata (type and date; the content is never read). */
final class AgendaMapping {

    private final FhirCodes codes;
    private final EntryContext context;

    AgendaMapping(FhirCodes codes, EntryContext context) {
        this.codes = codes;
        this.context = context;
    }

    Appointment appointment(org.hl7.fhir.r4.model.Appointment a) {
        AppointmentStatus status = switch (a.getStatus()) {
            case BOOKED, ARRIVED, CHECKEDIN -> AppointmentStatus.SCHEDULED;
            case FULFILLED -> AppointmentStatus.DONE;
            case CANCELLED -> AppointmentStatus.CANCELLED;
            case NOSHOW -> AppointmentStatus.MISSED;
            // not (yet) in the agenda, or void
            case PROPOSED, PENDING, WAITLIST, ENTEREDINERROR -> null;
            case NULL -> throw new Rejected("missing status: Appointment.status is required");
        };
        if (status == null) return null;
        boolean patientsNamed = false;
        boolean citizenNamed = false;
        for (var participant : a.getParticipant()) {
            var actor = participant.getActor();
            if (context.isCitizen(actor)) citizenNamed = true;
            else if (actor.hasReference() && actor.getReference().contains("Patient/")) patientsNamed = true;
        }
        if (patientsNamed && !citizenNamed) {
            throw new Broken("participant names another Patient, not the bundle's");
        }
        AppointmentKind kind = AppointmentKind.OTHER;
        for (CodeableConcept service : a.getServiceType()) {
            Coding c = coding(service, Set.of(FhirSystems.VIGIE_APPOINTMENT_KIND));
            if (c != null) {
                kind = EntryContext.vigieCode(AppointmentKind.class, c);
                break;
            }
        }
        return new Appointment(kind, requireDate(a.getStartElement(), "start"), status, source(a), hidden(a));
    }

    Document document(DocumentReference d) {
        if (d.getStatus() == Enumerations.DocumentReferenceStatus.ENTEREDINERROR) return null;
        context.requireCitizen(d.getSubject(), "subject");
        DocumentType type = type(d.getType());
        var date = d.getContext().getPeriod().hasStart()
                ? requireDate(d.getContext().getPeriod().getStartElement(), "context.period.start")
                : requireDate(d.getDateElement(), "context.period.start or date");
        return new Document(type, date, source(d), hidden(d));
    }

    private DocumentType type(CodeableConcept type) {
        Coding vigie = coding(type, Set.of(FhirSystems.VIGIE_DOCUMENT_TYPE));
        if (vigie != null) return EntryContext.vigieCode(DocumentType.class, vigie);
        Coding loinc = coding(type, Set.of(FhirSystems.LOINC));
        if (loinc == null) {
            throw new Skipped(EntryContext.firstSystem(type));
        }
        DocumentType mapped = codes.document(loinc.getCode());
        return mapped == null ? DocumentType.OTHER : mapped;
    }
}
