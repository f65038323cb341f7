package org.vigie.platform.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.Citizen;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Relation;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;

/**
 * Generates a realistic synthetic population as of a date, deterministic for a seed: the French
 * age pyramid, account statuses in the proportions of the national space, a few chronic
 * conditions with their treatments, and screening and vaccination histories with realistic
 * participation. No real person's data is involved.
 */
public final class SyntheticPopulation {

    /** Share of the French population per five-year age band, 0–4 … 90–99 (INSEE, 1 January 2024, rounded). */
    private static final double[] AGE_PYRAMID = {
            5.2, 5.8, 6.2, 6.2, 5.8, 5.5, 5.9, 6.2, 6.3, 6.2, 6.6, 6.5, 6.2, 5.7, 5.3, 4.0, 2.9, 1.9, 1.2};

    private final LocalDate on;
    private final long seed;
    private final double[] cumulative;

    public SyntheticPopulation(LocalDate on, long seed) {
        this.on = on;
        this.seed = seed;
        this.cumulative = new double[AGE_PYRAMID.length];
        double total = 0;
        for (double share : AGE_PYRAMID) total += share;
        double running = 0;
        for (int i = 0; i < AGE_PYRAMID.length; i++) {
            running += AGE_PYRAMID[i] / total;
            cumulative[i] = running;
        }
    }

    public List<Snapshot> generate(int count) {
        return IntStream.range(0, count).mapToObj(this::citizen).toList();
    }

    /** The i-th citizen: the same seed and index always give the same snapshot. */
    public Snapshot citizen(int index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        Sex sex = r.nextBoolean() ? Sex.F : Sex.M;
        LocalDate born = birthDate(r);
        int age = Citizen.ageOn(born, on);

        List<Condition> conditions = new ArrayList<>();
        List<Treatment> treatments = new ArrayList<>();
        List<Act> acts = new ArrayList<>();
        List<Vaccination> vaccinations = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        List<FamilyHistory> family = new ArrayList<>();
        List<Appointment> appointments = new ArrayList<>();
        Pregnancy pregnancy = null;

        chronicConditions(r, age, conditions, treatments);
        if (age >= 40 && r.nextDouble() < 0.04) family.add(new FamilyHistory("C18", Relation.FIRST_DEGREE,
                45 + r.nextInt(40), null, false, null));
        if (sex == Sex.F && age >= 45 && r.nextDouble() < 0.02) conditions.add(new Condition("C50.9", daysAgo(r, 3_650)));
        if (age >= 45 && r.nextDouble() < 0.005) conditions.add(new Condition("K51.9", daysAgo(r, 7_000)));

        if (sex == Sex.F && age >= 48 && age <= 76 && r.nextDouble() < 0.55) acts.add(act(r, ActKind.MAMMOGRAPHY, 1_400));
        if (age >= 48 && age <= 76 && r.nextDouble() < 0.35) acts.add(act(r, ActKind.FIT_TEST, 1_200));
        if (age >= 45 && r.nextDouble() < 0.06) acts.add(act(r, ActKind.COLONOSCOPY, 3_000));
        if (sex == Sex.F && age >= 23 && age <= 67) {
            if (r.nextDouble() < 0.55) acts.add(act(r, age < 30 ? ActKind.CERVICAL_CYTOLOGY : ActKind.HPV_TEST, 2_200));
            if (r.nextDouble() < 0.25) acts.add(act(r, ActKind.CERVICAL_CYTOLOGY, 3_000));
            if (age >= 40 && r.nextDouble() < 0.03) acts.add(act(r, ActKind.HYSTERECTOMY, 8_000));
        }
        if (age <= 24 && age >= 3 && r.nextDouble() < 0.4) acts.add(act(r, ActKind.DENTAL_EXAM, 700));

        if (age >= 65 && r.nextDouble() < 0.55) vaccinations.add(vaccine(r, Vaccine.FLU, 500));
        if (age >= 65 && r.nextDouble() < 0.3) vaccinations.add(vaccine(r, Vaccine.COVID, 700));
        if (age >= 25 && r.nextDouble() < 0.5) vaccinations.add(vaccine(r, Vaccine.DTP, 7_000));
        if (age >= 11 && age <= 26 && r.nextDouble() < 0.4) vaccinations.add(vaccine(r, Vaccine.HPV, 3_000));
        if (age >= 65 && r.nextDouble() < 0.2) vaccinations.add(vaccine(r, Vaccine.PNEUMO, 900));

        if (age >= 18 && r.nextDouble() < 0.3) {
            double height = sex == Sex.F ? 150 + r.nextInt(30) : 160 + r.nextInt(30);
            double bmi = 18 + r.nextDouble() * (r.nextDouble() < 0.05 ? 28 : 14);
            LocalDate date = daysAgo(r, 900);
            measures.add(new Measure(MeasureKind.HEIGHT_CM, height, date, null, false));
            measures.add(new Measure(MeasureKind.WEIGHT_KG, Math.round(bmi * height * height / 100) / 100.0, date, null, false));
            measures.add(new Measure(MeasureKind.BMI, Math.round(bmi * 10) / 10.0, date, null, false));
        }
        if (sex == Sex.F && age >= 18 && age <= 42 && r.nextDouble() < 0.03) pregnancy = new Pregnancy(daysAgo(r, 270));
        if (r.nextDouble() < 0.05) appointments.add(new Appointment(AppointmentKind.CONSULTATION, on.plusDays(r.nextInt(60)),
                null, null, false));

        return new Snapshot("synthetic-" + index, on, new CitizenFacts(born, sex, accountStatus(r), r.nextDouble() < 0.02,
                consents(r), conditions, treatments, pregnancy, vaccinations, acts, measures, family, appointments, null));
    }

    private void chronicConditions(SplittableRandom r, int age, List<Condition> conditions, List<Treatment> treatments) {
        if (r.nextDouble() < 0.06) {
            conditions.add(new Condition("J45.9", daysAgo(r, 9_000)));
            if (r.nextBoolean()) treatments.add(new Treatment("R03AK06", daysAgo(r, 900)));
        }
        if (age >= 40 && r.nextDouble() < 0.05) conditions.add(new Condition("J44.9", daysAgo(r, 5_000)));
        if (age >= 30 && r.nextDouble() < Math.min(0.2, age / 600.0)) {
            conditions.add(new Condition(r.nextDouble() < 0.1 ? "E10.9" : "E11.9", daysAgo(r, 6_000)));
            if (r.nextDouble() < 0.8) treatments.add(new Treatment("A10BA02", daysAgo(r, 2_000)));
        }
        if (age >= 60 && r.nextDouble() < 0.04) conditions.add(new Condition("I50.0", daysAgo(r, 3_000)));
        if (r.nextDouble() < 0.01) treatments.add(new Treatment("L04AX01", daysAgo(r, 1_500)));
    }

    private LocalDate birthDate(SplittableRandom r) {
        double u = r.nextDouble();
        int band = 0;
        while (band < cumulative.length - 1 && u > cumulative[band]) band++;
        int ageDays = band * 5 * 365 + r.nextInt(5 * 365 + 1);
        return on.minusDays(ageDays);
    }

    private Act act(SplittableRandom r, ActKind kind, int withinDays) {
        Source source = r.nextDouble() < 0.1 ? Source.INSURER : Source.REIMBURSEMENT_HISTORY;
        return new Act(kind, daysAgo(r, withinDays), null, null, source, false);
    }

    private Vaccination vaccine(SplittableRandom r, Vaccine vaccine, int withinDays) {
        return new Vaccination(vaccine, daysAgo(r, withinDays));
    }

    private LocalDate daysAgo(SplittableRandom r, int withinDays) {
        return on.minusDays(1 + r.nextInt(withinDays));
    }

    private static AccountStatus accountStatus(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.34) return AccountStatus.ACTIVATED;
        if (u < 0.94) return AccountStatus.OPEN;
        if (u < 0.98) return AccountStatus.OPPOSED;
        if (u < 0.99) return AccountStatus.CLOSED;
        return AccountStatus.DECEASED;
    }

    private static Map<Pathway, Consent> consents(SplittableRandom r) {
        Map<Pathway, Consent> consent = new EnumMap<>(Pathway.class);
        for (Pathway p : List.of(Pathway.SCREENING, Pathway.CHRONIC_CONDITIONS, Pathway.PREGNANCY)) {
            double u = r.nextDouble();
            consent.put(p, u < 0.2 ? Consent.GRANTED : u < 0.3 ? Consent.REFUSED : Consent.NOT_ASKED);
        }
        return consent;
    }
}
