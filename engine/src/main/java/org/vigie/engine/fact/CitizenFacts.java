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

    /** A citizen with identity only. */
    public static CitizenFacts of(LocalDate birthDate, Sex sex) {
        return builder(birthDate, sex).build();
    }

    /**
     * A citizen to be given what a test or a tool needs, by name; what is not given is absent (the
     * contract's defaults): {@code CitizenFacts.builder(born, Sex.F).acts(List.of(mammography)).build()}.
     */
    public static Builder builder(LocalDate birthDate, Sex sex) {
        return new Builder(birthDate, sex);
    }

    /** Names the components of a citizen built by hand, one method per component. */
    public static final class Builder {

        private final LocalDate birthDate;
        private final Sex sex;
        private AccountStatus accountStatus;
        private Boolean preventionOptOut;
        private Map<Pathway, Consent> insurerDataConsent;
        private List<Condition> conditions;
        private List<Treatment> treatments;
        private Pregnancy pregnancy;
        private List<Vaccination> vaccinations;
        private List<Act> acts;
        private List<Measure> measures;
        private List<FamilyHistory> familyHistory;
        private List<Appointment> appointments;
        private List<Document> documents;

        private Builder(LocalDate birthDate, Sex sex) {
            this.birthDate = birthDate;
            this.sex = sex;
        }

        public Builder accountStatus(AccountStatus accountStatus) {
            this.accountStatus = accountStatus;
            return this;
        }

        public Builder preventionOptOut(boolean preventionOptOut) {
            this.preventionOptOut = preventionOptOut;
            return this;
        }

        public Builder insurerDataConsent(Map<Pathway, Consent> insurerDataConsent) {
            this.insurerDataConsent = insurerDataConsent;
            return this;
        }

        public Builder conditions(List<Condition> conditions) {
            this.conditions = conditions;
            return this;
        }

        public Builder treatments(List<Treatment> treatments) {
            this.treatments = treatments;
            return this;
        }

        public Builder pregnancy(Pregnancy pregnancy) {
            this.pregnancy = pregnancy;
            return this;
        }

        public Builder vaccinations(List<Vaccination> vaccinations) {
            this.vaccinations = vaccinations;
            return this;
        }

        public Builder acts(List<Act> acts) {
            this.acts = acts;
            return this;
        }

        public Builder measures(List<Measure> measures) {
            this.measures = measures;
            return this;
        }

        public Builder familyHistory(List<FamilyHistory> familyHistory) {
            this.familyHistory = familyHistory;
            return this;
        }

        public Builder appointments(List<Appointment> appointments) {
            this.appointments = appointments;
            return this;
        }

        public Builder documents(List<Document> documents) {
            this.documents = documents;
            return this;
        }

        public CitizenFacts build() {
            return new CitizenFacts(birthDate, sex, accountStatus, preventionOptOut, insurerDataConsent, conditions, treatments,
                    pregnancy, vaccinations, acts, measures, familyHistory, appointments, documents);
        }
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
