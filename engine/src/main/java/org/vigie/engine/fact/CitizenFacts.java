package org.vigie.engine.fact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The contract's {@code citizen} object: identity, account status, choices and every fact.
 * Absent lists are empty, absent choices take the contract's defaults.
 */
public record CitizenFacts(
        LocalDate birthDate,
        Sex sex,
        AccountStatus accountStatus,
        Boolean preventionOptOut,
        Map<Pathway, Consent> insurerDataConsent,
        List<Condition> conditions,
        List<Treatment> treatments,
        Pregnancy pregnancy,
        List<Vaccination> vaccinations,
        List<Act> acts,
        List<Measure> measures,
        List<FamilyHistory> familyHistory,
        List<Appointment> appointments,
        List<Document> documents) {

    public CitizenFacts {
        accountStatus = accountStatus == null ? AccountStatus.ACTIVATED : accountStatus;
        preventionOptOut = preventionOptOut != null && preventionOptOut;
        insurerDataConsent = insurerDataConsent == null || insurerDataConsent.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(insurerDataConsent));
        conditions = copy(conditions);
        treatments = copy(treatments);
        vaccinations = copy(vaccinations);
        acts = copy(acts);
        measures = copy(measures);
        familyHistory = copy(familyHistory);
        appointments = copy(appointments);
        documents = copy(documents);
    }

    /** A citizen with identity only, as a starting point for builders and tests. */
    public static CitizenFacts of(LocalDate birthDate, Sex sex) {
        return new CitizenFacts(birthDate, sex, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the citizen is born on the date: nobody is evaluated before birth. */
    public boolean bornBy(LocalDate on) {
        return !birthDate.isAfter(on);
    }

    public Consent consentFor(Pathway pathway) {
        return insurerDataConsent.getOrDefault(pathway, Consent.NOT_ASKED);
    }

    /** Every fact of the snapshot, in a stable order. */
    public Stream<Fact> facts() {
        Stream<Fact> lists = Stream.of(conditions, treatments, vaccinations, acts, measures, familyHistory,
                appointments, documents).flatMap(List::stream);
        return pregnancy == null ? lists : Stream.concat(Stream.of(pregnancy), lists);
    }


    private static <T> List<T> copy(List<T> list) {
        // tolerant of null elements here: the JSON reader reports them with their path before this runs
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
