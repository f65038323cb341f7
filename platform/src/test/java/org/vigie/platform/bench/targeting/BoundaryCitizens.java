package org.vigie.platform.bench.targeting;

import static org.vigie.platform.bench.targeting.Targeting.Screening.SCREEN_BREAST;
import static org.vigie.platform.bench.targeting.Targeting.Screening.SCREEN_CERVICAL;
import static org.vigie.platform.bench.targeting.Targeting.Screening.SCREEN_COLORECTAL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.CodeSystem;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Relation;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Source;
import org.vigie.platform.bench.targeting.Targeting.Screening;

/**
 * Hand-made citizens on both sides of every age, interval, exclusion, consent and guard boundary of
 * the three screening campaigns, each with the campaigns the rules (docs/rules/SCREEN_*.md) say
 * target them on their date: the generated population rarely sits exactly on a boundary.
 */
final class BoundaryCitizens {

    /** One citizen, the date they are looked at, and what should target them then. */
    record Case(String name, LocalDate on, CitizenFacts citizen, Set<Screening> expected) {
    }

    private static final Set<Screening> NONE = EnumSet.noneOf(Screening.class);
    private static final Set<Screening> BREAST = EnumSet.of(SCREEN_BREAST);
    private static final Set<Screening> COLORECTAL = EnumSet.of(SCREEN_COLORECTAL);
    private static final Set<Screening> CERVICAL = EnumSet.of(SCREEN_CERVICAL);
    private static final Set<Screening> ALL = EnumSet.allOf(Screening.class);
    private static final Set<Screening> BREAST_COLORECTAL = EnumSet.of(SCREEN_BREAST, SCREEN_COLORECTAL);
    private static final Set<Screening> COLORECTAL_CERVICAL = EnumSet.of(SCREEN_COLORECTAL, SCREEN_CERVICAL);

    private final List<Case> cases = new ArrayList<>();
    private final LocalDate d;

    private BoundaryCitizens(LocalDate d) {
        this.d = d;
    }

    /** Every case anchored on the date {@code d} (the boundaries fall on it). */
    static List<Case> on(LocalDate d) {
        BoundaryCitizens b = new BoundaryCitizens(d);
        b.ages();
        b.guards();
        b.breast();
        b.colorectal();
        b.cervical();
        return b.cases;
    }

    /** Cases with a birthday or an act on 29 February, looked at around 28 February 2026. */
    static List<Case> leapDays() {
        List<Case> cases = new ArrayList<>();
        LocalDate leapling = LocalDate.of(1976, 2, 29);
        LocalDate feb28 = LocalDate.of(2026, 2, 28);
        cases.add(new Case("born 29/02: 50 on 28/02", feb28, new Person(leapling, Sex.F).facts(), ALL));
        cases.add(new Case("born 29/02: 49 on 27/02", feb28.minusDays(1), new Person(leapling, Sex.F).facts(), CERVICAL));
        Person screened = new Person(LocalDate.of(1966, 1, 10), Sex.F).act(ActKind.MAMMOGRAPHY, LocalDate.of(2024, 2, 29));
        cases.add(new Case("mammography 29/02/2024: 2 years old on 28/02/2026", feb28, screened.facts(), ALL));
        cases.add(new Case("mammography 29/02/2024: covers 27/02/2026", feb28.minusDays(1), screened.facts(), COLORECTAL_CERVICAL));
        return cases;
    }

    private void add(String name, Person p, Set<Screening> expected) {
        cases.add(new Case(name, d, p.facts(), expected));
    }

    private Person woman(int age) {
        return new Person(d.minusYears(age).minusDays(100), Sex.F);
    }

    private Person man(int age) {
        return new Person(d.minusYears(age).minusDays(100), Sex.M);
    }

    private LocalDate yearsAgo(int years) {
        return d.minusYears(years);
    }

    private void ages() {
        add("woman: 50th birthday today", new Person(d.minusYears(50), Sex.F), ALL);
        add("woman: 50th birthday tomorrow", new Person(d.minusYears(50).plusDays(1), Sex.F), CERVICAL);
        add("woman: 75th birthday today", new Person(d.minusYears(75), Sex.F), NONE);
        add("woman: 75th birthday tomorrow", new Person(d.minusYears(75).plusDays(1), Sex.F), BREAST_COLORECTAL);
        add("man: 50th birthday today", new Person(d.minusYears(50), Sex.M), COLORECTAL);
        add("man: 50th birthday tomorrow", new Person(d.minusYears(50).plusDays(1), Sex.M), NONE);
        add("man: 75th birthday tomorrow", new Person(d.minusYears(75).plusDays(1), Sex.M), COLORECTAL);
        add("woman: 25th birthday today", new Person(d.minusYears(25), Sex.F), CERVICAL);
        add("woman: 25th birthday tomorrow", new Person(d.minusYears(25).plusDays(1), Sex.F), NONE);
        add("woman: 66th birthday today", new Person(d.minusYears(66), Sex.F), BREAST_COLORECTAL);
        add("woman: 66th birthday tomorrow", new Person(d.minusYears(66).plusDays(1), Sex.F), ALL);
        add("man of 30", man(30), NONE);
    }

    private void guards() {
        add("open, not activated", woman(60).status(AccountStatus.OPEN), ALL);
        add("opposed", woman(60).status(AccountStatus.OPPOSED), NONE);
        add("closed", woman(60).status(AccountStatus.CLOSED), NONE);
        add("deceased", woman(60).status(AccountStatus.DECEASED), NONE);
        add("opted out", woman(60).optedOut(), NONE);
        for (Consent consent : Consent.values()) {
            add("insurer acts, screening consent " + consent, woman(60).consent(Pathway.SCREENING, consent)
                            .act(ActKind.MAMMOGRAPHY, yearsAgo(1), Source.INSURER).act(ActKind.FIT_TEST, yearsAgo(1), Source.INSURER)
                            .act(ActKind.HPV_TEST, yearsAgo(1), Source.INSURER),
                    consent == Consent.GRANTED ? NONE : ALL);
        }
        add("insurer acts, consent for chronic conditions only", woman(60).consent(Pathway.CHRONIC_CONDITIONS, Consent.GRANTED)
                .act(ActKind.MAMMOGRAPHY, yearsAgo(1), Source.INSURER).act(ActKind.FIT_TEST, yearsAgo(1), Source.INSURER), ALL);
        add("insurer breast cancer, screening consent", woman(60).consent(Pathway.SCREENING, Consent.GRANTED)
                .condition("C50.9", yearsAgo(3), Source.INSURER), COLORECTAL_CERVICAL);
        add("insurer breast cancer, no consent", woman(60).condition("C50.9", yearsAgo(3), Source.INSURER), ALL);
        add("adult's hidden mammography counts", woman(60).hidden(new Act(ActKind.MAMMOGRAPHY, yearsAgo(1))), COLORECTAL_CERVICAL);
        add("mammography tomorrow does not exist yet", woman(60).act(ActKind.MAMMOGRAPHY, d.plusDays(1)), ALL);
        add("breast cancer from tomorrow", woman(60).condition("C50.9", d.plusDays(1), Source.PROFESSIONAL), ALL);
        add("breast cancer since today", woman(60).condition("C50.9", d, Source.PROFESSIONAL), COLORECTAL_CERVICAL);
        add("breast cancer without onset", woman(60).condition("C50.9", null, Source.SELF), COLORECTAL_CERVICAL);
    }

    private void breast() {
        add("mammography exactly 2 years ago", woman(60).act(ActKind.MAMMOGRAPHY, yearsAgo(2)), ALL);
        add("mammography 2 years ago but a day", woman(60).act(ActKind.MAMMOGRAPHY, yearsAgo(2).plusDays(1)), COLORECTAL_CERVICAL);
        add("older and recent mammographies", woman(60).act(ActKind.MAMMOGRAPHY, yearsAgo(5)).act(ActKind.MAMMOGRAPHY, yearsAgo(1)),
                COLORECTAL_CERVICAL);
        add("mammography as CCAM QEQK004", woman(60).code(CodeSystem.CCAM, "QEQK004", yearsAgo(1)), COLORECTAL_CERVICAL);
        add("mammography as CCAM 'qeqk 001'", woman(60).code(CodeSystem.CCAM, "qeqk 001", yearsAgo(1)), COLORECTAL_CERVICAL);
        add("QEQK004 as a NABM code", woman(60).code(CodeSystem.NABM, "QEQK004", yearsAgo(1)), ALL);
        add("unknown CCAM code", woman(60).code(CodeSystem.CCAM, "QEQK999", yearsAgo(1)), ALL);
        add("a kind wins over a code", woman(60).act(new Act(ActKind.DENTAL_EXAM, yearsAgo(1), "QEQK004", CodeSystem.CCAM, null, false)), ALL);
        add("mammography of a man", man(60).act(ActKind.MAMMOGRAPHY, yearsAgo(5)), COLORECTAL);
        for (String code : List.of("D05.1", "Z85.3", "Z15.0", "c509", "C50")) {
            add("breast high risk " + code, woman(60).condition(code, yearsAgo(3), Source.PROFESSIONAL), COLORECTAL_CERVICAL);
        }
        for (String code : List.of("Z85", "C5", "D06.9")) {
            add("not breast high risk " + code, woman(55).condition(code, yearsAgo(3), Source.PROFESSIONAL),
                    code.startsWith("D06") ? BREAST_COLORECTAL : ALL);
        }
    }

    private void colorectal() {
        add("FIT exactly 2 years ago", man(60).act(ActKind.FIT_TEST, yearsAgo(2)), COLORECTAL);
        add("FIT 2 years ago but a day", man(60).act(ActKind.FIT_TEST, yearsAgo(2).plusDays(1)), NONE);
        add("colonoscopy exactly 5 years ago", man(60).act(ActKind.COLONOSCOPY, yearsAgo(5)), COLORECTAL);
        add("colonoscopy 5 years ago but a day", man(60).act(ActKind.COLONOSCOPY, yearsAgo(5).plusDays(1)), NONE);
        add("old FIT, colonoscopy still covering", man(60).act(ActKind.FIT_TEST, yearsAgo(3)).act(ActKind.COLONOSCOPY, yearsAgo(4)), NONE);
        add("recent FIT after an old colonoscopy", man(60).act(ActKind.FIT_TEST, yearsAgo(1)).act(ActKind.COLONOSCOPY, yearsAgo(6)), NONE);
        add("old FIT and old colonoscopy", man(60).act(ActKind.FIT_TEST, yearsAgo(3)).act(ActKind.COLONOSCOPY, yearsAgo(6)), COLORECTAL);
        add("colonoscopy as CCAM HHQE005", man(60).code(CodeSystem.CCAM, "HHQE005", yearsAgo(1)), NONE);
        add("colonoscopy at 48 still dispenses", man(51).act(ActKind.COLONOSCOPY, yearsAgo(3)), NONE);
        for (String code : List.of("C18.2", "C20", "D01.0", "D12.0", "D12.8", "K50.0", "K51")) {
            add("colorectal high risk " + code, man(60).condition(code, yearsAgo(3), Source.PROFESSIONAL), NONE);
        }
        for (String code : List.of("D01.3", "D12.1", "D12.9", "C21", "Z80.0")) {
            add("not colorectal high risk " + code, man(60).condition(code, yearsAgo(3), Source.PROFESSIONAL), COLORECTAL);
        }
        add("parent with cancer at 64", man(60).relative("C18", Relation.FIRST_DEGREE, 64), NONE);
        add("parent with cancer at 65", man(60).relative("C18", Relation.FIRST_DEGREE, 65), COLORECTAL);
        add("parent with cancer, age unknown", man(60).relative("C18", Relation.FIRST_DEGREE, null), COLORECTAL);
        add("second-degree relative with cancer at 50", man(60).relative("C18", Relation.SECOND_DEGREE, 50), COLORECTAL);
        add("relative of unknown degree with cancer at 50", man(60).relative("C18", null, 50), COLORECTAL);
        add("parent with adenoma at 60", man(60).relative("D12.3", Relation.FIRST_DEGREE, 60), NONE);
        add("two parents with adenoma late", man(60).relative("D12.3", Relation.FIRST_DEGREE, 70).relative("D12.4", Relation.FIRST_DEGREE, 72),
                COLORECTAL);
        add("two parents with cancer late", man(60).relative("C18", Relation.FIRST_DEGREE, 70).relative("C20", Relation.FIRST_DEGREE, 72), NONE);
        add("one parent with cancer recorded twice", man(60).relative("C18", Relation.FIRST_DEGREE, 70).relative("C18", Relation.FIRST_DEGREE, 70),
                COLORECTAL);
        add("two entries C18 and C18.0 at 70", man(60).relative("C18", Relation.FIRST_DEGREE, 70).relative("C18.0", Relation.FIRST_DEGREE, 70),
                NONE);
        add("cancer and adenoma late", man(60).relative("C18", Relation.FIRST_DEGREE, 70).relative("D12.3", Relation.FIRST_DEGREE, 72),
                COLORECTAL);
        add("two parents with cancer, ages unknown", man(60).relative("C18", Relation.FIRST_DEGREE, null).relative("C19", Relation.FIRST_DEGREE, null),
                NONE);
        add("Z80.0 in a parent at 50", man(60).relative("Z80.0", Relation.FIRST_DEGREE, 50), COLORECTAL);
        add("second cancer known from the insurer, no consent", man(60).relative("C18", Relation.FIRST_DEGREE, 70)
                .relative(new FamilyHistory("C18", Relation.FIRST_DEGREE, 72, Source.INSURER, false, null)), COLORECTAL);
        add("second cancer known from the insurer, consent", man(60).consent(Pathway.SCREENING, Consent.GRANTED)
                .relative("C18", Relation.FIRST_DEGREE, 70)
                .relative(new FamilyHistory("C18", Relation.FIRST_DEGREE, 72, Source.INSURER, false, null)), NONE);
        add("the same cancer from the holder and the insurer", man(60).consent(Pathway.SCREENING, Consent.GRANTED)
                .relative("C18", Relation.FIRST_DEGREE, 70)
                .relative(new FamilyHistory("C18", Relation.FIRST_DEGREE, 70, Source.INSURER, false, null)), COLORECTAL);
    }

    private void cervical() {
        add("27, never screened", woman(27), CERVICAL);
        add("27, one cytology a year ago", woman(27).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(1)), CERVICAL);
        add("27, one cytology a year ago but a day", woman(27).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(1).plusDays(1)), NONE);
        add("27, two cytologies the same day a year ago", woman(27).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(1))
                .code(CodeSystem.CCAM, "JKHD001", yearsAgo(1)), CERVICAL);
        add("27, cytologies 2 and 1 years ago", woman(27).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(2))
                .act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(1)), NONE);
        add("27, cytologies 4 and 3 years ago", woman(27).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(4))
                .act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(3)), CERVICAL);
        add("27, cytologies 4 and 3 years ago but a day", woman(27).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(4))
                .act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(3).plusDays(1)), NONE);
        add("27, only a recent HPV test", woman(27).act(ActKind.HPV_TEST, yearsAgo(1)), CERVICAL);
        add("27, cytology as CCAM JKHD001 recently", woman(27).code(CodeSystem.CCAM, "JKHD001", d.minusMonths(6)), NONE);
        add("29, one cytology a year ago", new Person(d.minusYears(30).plusDays(1), Sex.F).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(1)),
                CERVICAL);
        add("30 today, one cytology a year ago", new Person(d.minusYears(30), Sex.F).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(1)), NONE);
        add("30 today, never screened", new Person(d.minusYears(30), Sex.F), CERVICAL);
        add("35, never screened", woman(35), CERVICAL);
        add("35, cytology exactly 3 years ago", woman(35).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(3)), CERVICAL);
        add("35, cytology 3 years ago but a day", woman(35).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(3).plusDays(1)), NONE);
        add("35, HPV test exactly 5 years ago", woman(35).act(ActKind.HPV_TEST, yearsAgo(5)), CERVICAL);
        add("35, HPV test 5 years ago but a day", woman(35).act(ActKind.HPV_TEST, yearsAgo(5).plusDays(1)), NONE);
        add("35, cytology after an HPV test", woman(35).act(ActKind.HPV_TEST, yearsAgo(5).plusDays(1))
                .act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(4)), CERVICAL);
        add("35, co-test 4 years ago", woman(35).act(ActKind.HPV_TEST, yearsAgo(4)).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(4)), NONE);
        add("35, co-test 5 years ago", woman(35).act(ActKind.HPV_TEST, yearsAgo(5)).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(5)), CERVICAL);
        add("35, old cytology then HPV test", woman(35).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(6)).act(ActKind.HPV_TEST, yearsAgo(2)), NONE);
        add("35, HPV test as NABM 4127", woman(35).code(CodeSystem.NABM, "4127", yearsAgo(1)), NONE);
        add("35, 4127 as a CCAM code", woman(35).code(CodeSystem.CCAM, "4127", yearsAgo(1)), CERVICAL);
        add("35, three cytologies, latest 3 years ago", woman(35).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(8))
                .act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(7)).act(ActKind.CERVICAL_CYTOLOGY, yearsAgo(3)), CERVICAL);
        add("35, hysterectomy", woman(35).act(ActKind.HYSTERECTOMY, yearsAgo(10)), NONE);
        add("35, hysterectomy tomorrow", woman(35).act(ActKind.HYSTERECTOMY, d.plusDays(1)), CERVICAL);
        add("35, hysterectomy from the insurer, no consent", woman(35).act(ActKind.HYSTERECTOMY, yearsAgo(10), Source.INSURER), CERVICAL);
        for (String code : List.of("N87.1", "D06", "C53.9", "R87.6")) {
            add("35, cervical lesion " + code, woman(35).condition(code, yearsAgo(1), Source.PROFESSIONAL), NONE);
        }
        add("35, R87 is not a lesion", woman(35).condition("R87", yearsAgo(1), Source.PROFESSIONAL), CERVICAL);
        add("65, HPV test 5 years ago", woman(65).act(ActKind.HPV_TEST, yearsAgo(5)), ALL);
    }

    /** A citizen being written down: activated, not opted out, no consent asked, unless said otherwise. */
    static final class Person {
        private final LocalDate born;
        private final Sex sex;
        private AccountStatus status = AccountStatus.ACTIVATED;
        private boolean optedOut;
        private final Map<Pathway, Consent> consents = new EnumMap<>(Pathway.class);
        private final List<Condition> conditions = new ArrayList<>();
        private final List<Act> acts = new ArrayList<>();
        private final List<FamilyHistory> family = new ArrayList<>();

        Person(LocalDate born, Sex sex) {
            this.born = born;
            this.sex = sex;
        }

        Person status(AccountStatus s) {
            status = s;
            return this;
        }

        Person optedOut() {
            optedOut = true;
            return this;
        }

        Person consent(Pathway pathway, Consent consent) {
            consents.put(pathway, consent);
            return this;
        }

        Person act(ActKind kind, LocalDate date) {
            return act(kind, date, Source.REIMBURSEMENT_HISTORY);
        }

        Person act(ActKind kind, LocalDate date, Source source) {
            return act(new Act(kind, date, null, null, source, false));
        }

        Person code(CodeSystem system, String code, LocalDate date) {
            return act(new Act(null, date, code, system, null, false));
        }

        Person act(Act act) {
            acts.add(act);
            return this;
        }

        Person hidden(Act act) {
            return act(new Act(act.kind(), act.date(), act.code(), act.system(), act.source(), true));
        }

        Person condition(String code, LocalDate since, Source source) {
            conditions.add(new Condition(code, since, source, false, null));
            return this;
        }

        Person relative(String code, Relation relation, Integer ageAtDiagnosis) {
            return relative(new FamilyHistory(code, relation, ageAtDiagnosis, Source.SELF, false, null));
        }

        Person relative(FamilyHistory history) {
            family.add(history);
            return this;
        }

        CitizenFacts facts() {
            return CitizenFacts.builder(born, sex).accountStatus(status).preventionOptOut(optedOut)
                    .insurerDataConsent(consents).conditions(conditions).acts(acts).familyHistory(family).build();
        }
    }
}
