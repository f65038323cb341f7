package org.vigie.engine.fact;

/**
 * A fact of a citizen's snapshot. Every fact says where it came from and whether a minor asked to
 * hide it from the legal representatives; the guards read both before any rule runs.
 */
public sealed interface Fact
        permits Condition, Treatment, Pregnancy, Vaccination, Act, Measure, FamilyHistory, Appointment, Document {

    Source source();

    boolean hiddenFromRepresentatives();

    /** The category of this kind of fact, whatever its source. */
    default DataCategory category() {
        return categoryOf(getClass());
    }

    /**
     * The date from which the fact exists (an act's date, a condition's onset); {@code null} when
     * it has none. A fact known only after the reference date is not used: evaluation on a past
     * date sees the citizen as they were then.
     */
    default java.time.LocalDate knownSince() {
        return null;
    }

    /**
     * The same fact without where it came from: what rules see. Rules never deal with sources
     * (the guards do), and the same act known from two sources is one act for them.
     */
    Fact withoutProvenance();

    default boolean fromInsurer() {
        return source() == Source.INSURER;
    }

    /** Category of facts of the given type; the guards use it to check rules at build time. */
    static DataCategory categoryOf(Class<?> factType) {
        if (factType == Citizen.class) return DataCategory.IDENTITY;
        if (factType == Condition.class || factType == Treatment.class || factType == Pregnancy.class
                || factType == FamilyHistory.class) return DataCategory.MEDICAL_PROFILE;
        if (factType == Vaccination.class) return DataCategory.VACCINATIONS;
        if (factType == Act.class) return DataCategory.REIMBURSEMENT_HISTORY;
        if (factType == Measure.class) return DataCategory.MEASURES;
        if (factType == Appointment.class) return DataCategory.AGENDA;
        if (factType == Document.class) return DataCategory.DMP_DOCUMENTS;
        return null;
    }

    static Source orDefault(Source given, Source fallback) {
        return given == null ? fallback : given;
    }
}
