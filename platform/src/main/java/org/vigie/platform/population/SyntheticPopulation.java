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
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.DocumentType;
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
import org.vigie.platform.citizen.Contact;
import org.vigie.platform.citizen.SpaceImport;

/**
 * Generates a realistic synthetic population as of a date, deterministic for a seed: the French
 * age pyramid and sex ratio, account statuses in the proportions of the national space, chronic
 * conditions with their treatments, pregnancies, and screening and vaccination histories with
 * realistic participation, each fact from the source that would hold it; minors with their legal
 * representatives. The figures and their sources are in {@link Figures} and docs/population.md.
 * No real person's data is involved.
 */
public final class SyntheticPopulation {

    /** Share of the French population per five-year age band, 0–4 … 90–99 (INSEE, 1 January 2024, rounded). */
    private static final double[] AGE_PYRAMID = Figures.AGE_PYRAMID;

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

    /** The i-th citizen's external id: derived from the seed and the index, so a second load of the same seed is recognised. */
    public String externalId(int index) {
        return externalIdPrefix(seed) + index;
    }

    /** What every external id of a seed starts with. */
    public static String externalIdPrefix(long seed) {
        return "synthetic-" + seed + "-";
    }

    /** The i-th citizen: the same seed and index always give the same snapshot. */
    public Snapshot citizen(int index) {
        return person(index).snapshot();
    }

    /**
     * The i-th citizen as a space to store, with a minor's legal representatives, the e-mail address
     * the insurer knows for an adult and the push device of a holder using the mobile application —
     * drawn from a random stream of their own, so the facts of a seed stay what they were.
     */
    public SpaceImport space(int index) {
        Person p = person(index);
        CitizenFacts citizen = p.snapshot().citizen();
        SplittableRandom r = new SplittableRandom(seed * 7_919L + index * 31L + 17);
        String id = p.snapshot().citizenId();
        boolean adult = Citizen.ageOn(citizen.birthDate(), on) >= 18;
        Contact contact = adult && r.nextDouble() < Figures.EMAIL_KNOWN ? new Contact(id + "@personnes.invalid", null) : Contact.NONE;
        List<String> devices = citizen.accountStatus() == AccountStatus.ACTIVATED && r.nextDouble() < Figures.MOBILE_APP
                ? List.of("synthetic-device-" + id) : List.of();
        return new SpaceImport(id, citizen, p.legalRepresentatives(), on, contact, devices);
    }

    private record Person(Snapshot snapshot, List<String> legalRepresentatives) {
    }

    private Person person(int index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        LocalDate born = birthDate(r);
        int age = Citizen.ageOn(born, on);
        Sex sex = r.nextDouble() < Figures.femaleShare(age) ? Sex.F : Sex.M;

        List<Condition> conditions = new ArrayList<>();
        List<Treatment> treatments = new ArrayList<>();
        List<Act> acts = new ArrayList<>();
        List<Vaccination> vaccinations = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        List<FamilyHistory> family = new ArrayList<>();
        List<Appointment> appointments = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        Pregnancy pregnancy = null;

        chronicConditions(r, age, conditions, treatments);
        if (age >= 40 && r.nextDouble() < 0.04) family.add(new FamilyHistory("C18", Relation.FIRST_DEGREE,
                45 + r.nextInt(40), Source.SELF, false, null));
        if (sex == Sex.F && age >= 45 && r.nextDouble() < 0.02) conditions.add(condition(r, "C50.9", 3_650));
        if (age >= 45 && r.nextDouble() < 0.005) conditions.add(condition(r, "K51.9", 7_000));

        if (sex == Sex.F && age >= 48 && age <= 76 && r.nextDouble() < Figures.BREAST_SCREENING) {
            Act mammography = act(r, ActKind.MAMMOGRAPHY, 1_400);
            acts.add(mammography);
            if (r.nextDouble() < 0.5) documents.add(new Document(DocumentType.IMAGING_REPORT, mammography.date(), Source.PROFESSIONAL, false));
        }
        if (age >= 48 && age <= 76 && r.nextDouble() < Figures.COLORECTAL_SCREENING) acts.add(act(r, ActKind.FIT_TEST, 1_200));
        if (age >= 45 && r.nextDouble() < 0.06) acts.add(act(r, ActKind.COLONOSCOPY, 3_000));
        if (sex == Sex.F && age >= 23 && age <= 67) {
            if (r.nextDouble() < Figures.CERVICAL_SCREENING) acts.add(act(r, age < 30 ? ActKind.CERVICAL_CYTOLOGY : ActKind.HPV_TEST, 2_200));
            if (r.nextDouble() < 0.25) acts.add(act(r, ActKind.CERVICAL_CYTOLOGY, 3_000));
            if (age >= 40 && r.nextDouble() < 0.03) acts.add(act(r, ActKind.HYSTERECTOMY, 8_000));
        }
        if (age <= 24 && age >= 3 && r.nextDouble() < 0.4) acts.add(act(r, ActKind.DENTAL_EXAM, 700));

        if (age >= 65 && r.nextDouble() < Figures.FLU_65_PLUS) vaccinations.add(vaccine(r, Vaccine.FLU, 500));
        if (age >= 65 && r.nextDouble() < Figures.COVID_65_PLUS) vaccinations.add(vaccine(r, Vaccine.COVID, 700));
        if (age >= 25 && r.nextDouble() < 0.5) vaccinations.add(vaccine(r, Vaccine.DTP, 7_000));
        if (age >= 11 && age <= 26 && r.nextDouble() < (sex == Sex.F ? Figures.HPV_GIRLS : Figures.HPV_BOYS)) {
            vaccinations.add(vaccine(r, Vaccine.HPV, 3_000));
        }
        if (age >= 65 && r.nextDouble() < 0.2) vaccinations.add(vaccine(r, Vaccine.PNEUMO, 900));
        if (!vaccinations.isEmpty() && r.nextDouble() < 0.3) {
            documents.add(new Document(DocumentType.VACCINATION_CERTIFICATE, vaccinations.get(0).date(), Source.PROFESSIONAL, false));
        }
        if (r.nextDouble() < 0.25) documents.add(new Document(DocumentType.LAB_RESULT, daysAgo(r, 720), Source.PROFESSIONAL, false));
        if (age >= 15 && age < 18 && r.nextDouble() < 0.05) {
            // a teenager's consultation kept secret from the parents (docs/space-sources.md#representatives)
            documents.add(new Document(DocumentType.CONSULTATION_REPORT, daysAgo(r, 365), Source.PROFESSIONAL, true));
        }

        if (age >= 18 && r.nextDouble() < 0.3) {
            double height = sex == Sex.F ? 150 + r.nextInt(30) : 160 + r.nextInt(30);
            double bmi = 18 + r.nextDouble() * (r.nextDouble() < 0.05 ? 28 : 14);
            LocalDate date = daysAgo(r, 900);
            measures.add(new Measure(MeasureKind.HEIGHT_CM, height, date, Source.SELF, false));
            measures.add(new Measure(MeasureKind.WEIGHT_KG, Math.round(bmi * height * height / 100) / 100.0, date, Source.SELF, false));
            measures.add(new Measure(MeasureKind.BMI, Math.round(bmi * 10) / 10.0, date, Source.SELF, false));
        }
        if (sex == Sex.F && age >= 18 && age <= 42 && r.nextDouble() < Figures.PREGNANT) {
            pregnancy = new Pregnancy(daysAgo(r, 270), r.nextDouble() < 0.7 ? Source.PROFESSIONAL : Source.SELF, false);
        }
        if (r.nextDouble() < 0.05) appointments.add(new Appointment(AppointmentKind.CONSULTATION, on.plusDays(r.nextInt(60)),
                null, Source.AGENDA, false));

        CitizenFacts facts = new CitizenFacts(born, sex, accountStatus(r), r.nextDouble() < Figures.OPTED_OUT,
                consents(r), conditions, treatments, pregnancy, vaccinations, acts, measures, family, appointments, documents);
        List<String> representatives = new ArrayList<>();
        if (age < 18) {
            representatives.add(externalId(index) + "-parent-1");
            if (r.nextDouble() < Figures.TWO_REPRESENTATIVES) representatives.add(externalId(index) + "-parent-2");
        }
        return new Person(new Snapshot(externalId(index), on, facts), representatives);
    }

    private void chronicConditions(SplittableRandom r, int age, List<Condition> conditions, List<Treatment> treatments) {
        if (r.nextDouble() < Figures.ASTHMA) {
            conditions.add(condition(r, "J45.9", 9_000));
            if (r.nextBoolean()) treatments.add(treatment(r, "R03AK06", 900));
        }
        if (age >= 40 && r.nextDouble() < Figures.COPD_40_PLUS) conditions.add(condition(r, "J44.9", 5_000));
        if (age >= 30 && r.nextDouble() < Figures.diabetes(age)) {
            conditions.add(insurerKnown(r, r.nextDouble() < 0.1 ? "E10.9" : "E11.9", 6_000));
            if (r.nextDouble() < 0.8) treatments.add(treatment(r, "A10BA02", 2_000));
        }
        if (age >= 60 && r.nextDouble() < Figures.HEART_FAILURE_60_PLUS) conditions.add(insurerKnown(r, "I50.0", 3_000));
        if (r.nextDouble() < Figures.IMMUNOSUPPRESSED) treatments.add(treatment(r, "L04AX01", 1_500));
    }

    /** A condition of the medical profile: written by a professional (DMP) or entered by the holder. */
    private Condition condition(SplittableRandom r, String code, int withinDays) {
        return new Condition(code, daysAgo(r, withinDays), r.nextDouble() < 0.6 ? Source.PROFESSIONAL : Source.SELF, false, null);
    }

    /** A long-term condition (ALD) the insurer knows: usable only with the chronic-conditions consent. */
    private Condition insurerKnown(SplittableRandom r, String code, int withinDays) {
        return new Condition(code, daysAgo(r, withinDays), r.nextDouble() < 0.5 ? Source.INSURER : Source.PROFESSIONAL, false, null);
    }

    /** A treatment known from the reimbursed prescriptions. */
    private Treatment treatment(SplittableRandom r, String code, int withinDays) {
        return new Treatment(code, daysAgo(r, withinDays), Source.REIMBURSEMENT_HISTORY, false, null);
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
        return new Vaccination(vaccine, daysAgo(r, withinDays), Source.PROFESSIONAL, false);
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
            consent.put(p, u < Figures.CONSENT_GRANTED ? Consent.GRANTED
                    : u < Figures.CONSENT_GRANTED + Figures.CONSENT_REFUSED ? Consent.REFUSED : Consent.NOT_ASKED);
        }
        return consent;
    }
}
