package org.vigie.platform.ingestion;

import static org.vigie.platform.ingestion.EntryContext.coding;
import static org.vigie.platform.ingestion.EntryContext.hidden;
import static org.vigie.platform.ingestion.EntryContext.requireDate;
import static org.vigie.platform.ingestion.EntryContext.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Source;

/**
 * Observations: health measures by LOINC code (the observation's own code, or its components', as
 * in a blood-pressure panel), and the pregnancy status with its last menstrual period.
 */
final class ObservationMapping {

    private static final Set<String> LOINC = Set.of(FhirSystems.LOINC);

    /** What one observation gives: measures, or a pregnancy, or an act, or nothing (a "not pregnant" status). */
    record Mapped(List<Measure> measures, Pregnancy pregnancy, Act act) {
    }

    private final FhirCodes codes;
    private final EntryContext context;

    ObservationMapping(FhirCodes codes, EntryContext context) {
        this.codes = codes;
        this.context = context;
    }

    Mapped map(Observation o) {
        if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || o.getStatus() == Observation.ObservationStatus.CANCELLED) return null;
        context.requireCitizen(o.getSubject(), "subject");
        Coding code = coding(o.getCode(), LOINC);
        if (code != null && FhirSystems.PREGNANCY_STATUS.equals(code.getCode())) {
            return new Mapped(List.of(), pregnancy(o), null);
        }
        ActKind act = code == null ? null : codes.act(code.getCode());
        if (act != null) {
            LocalDate date = requireDate(o.getEffective(), "effectiveDateTime or effectivePeriod.start");
            return new Mapped(List.of(), null, new Act(act, date, null, null, source(o), hidden(o)));
        }
        Source source = source(o);
        boolean hidden = hidden(o);
        List<Measure> measures = new ArrayList<>();
        if (code != null && codes.measure(code.getCode()) != null) {
            measures.add(measure(code.getCode(), o.getValue(), "valueQuantity", source, hidden, o));
        }
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent component = o.getComponent().get(i);
            Coding c = coding(component.getCode(), LOINC);
            if (c != null && codes.measure(c.getCode()) != null) {
                measures.add(measure(c.getCode(), component.getValue(), "component[" + i + "].valueQuantity", source, hidden, o));
            }
        }
        if (measures.isEmpty()) {
            // a laboratory panel, a survey, a smoking status: nothing Vigie reads
            throw new Skipped(code == null ? EntryContext.firstSystem(o.getCode()) : FhirSystems.LOINC);
        }
        return new Mapped(measures, null, null);
    }

    private Measure measure(String loinc, Type value, String element, Source source, boolean hidden, Observation o) {
        FhirCodes.MeasureCode measure = codes.measure(loinc);
        if (!(value instanceof Quantity q) || !q.hasValue()) {
            throw new Rejected("missing value: " + element + " is required for LOINC " + loinc);
        }
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        if (unit == null || unit.isBlank()) {
            throw new Rejected("missing unit: " + element + " of LOINC " + loinc + " has none (expected UCUM '" + measure.unit() + "')");
        }
        Double converted = Units.convert(q.getValue().doubleValue(), unit.strip(), measure.unit());
        if (converted == null) {
            throw new Rejected(element + " of LOINC " + loinc + " is in '" + unit + "', which is not convertible to UCUM '"
                    + measure.unit() + "'");
        }
        LocalDate date = requireDate(o.getEffective(), "effectiveDateTime or effectivePeriod.start");
        return new Measure(measure.kind(), converted, date, source, hidden);
    }

    private Pregnancy pregnancy(Observation o) {
        if (!(o.getValue() instanceof CodeableConcept status) || coding(status, Set.of(FhirSystems.SNOMED)) == null) {
            throw new Rejected("pregnancy status " + FhirSystems.PREGNANCY_STATUS + " needs a SNOMED CT valueCodeableConcept");
        }
        if (!FhirSystems.PREGNANT.equals(coding(status, Set.of(FhirSystems.SNOMED)).getCode())) {
            return null; // not pregnant, or unknown: no pregnancy
        }
        for (Observation.ObservationComponentComponent component : o.getComponent()) {
            Coding c = coding(component.getCode(), LOINC);
            if (c != null && FhirSystems.LAST_MENSTRUAL_PERIOD.equals(c.getCode())) {
                LocalDate start = requireDate(component.getValue(),
                        "the last-menstrual-period component's valueDateTime");
                return new Pregnancy(start, source(o), hidden(o));
            }
        }
        throw new Rejected("missing date: a pregnancy needs a component LOINC " + FhirSystems.LAST_MENSTRUAL_PERIOD
                + " (last menstrual period start) with valueDateTime");
    }
}
