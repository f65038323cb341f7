package org.vigie.platform.population;

/**
 * The public figures the synthetic population is drawn from, rounded; docs/population.md cites
 * each source and says which figures are assumptions.
 */
final class Figures {

    private Figures() {
    }

    /** Share of the population per five-year age band, 0–4 … 90–94 (INSEE, population by age on 1 January 2024, rounded). */
    static final double[] AGE_PYRAMID = {
            5.2, 5.8, 6.2, 6.2, 5.8, 5.5, 5.9, 6.2, 6.3, 6.2, 6.6, 6.5, 6.2, 5.7, 5.3, 4.0, 2.9, 1.9, 1.2};

    /** Share of women by age (INSEE 2024 pyramid: ~105 boys per 100 girls at birth, women the majority from ~60 on). */
    static double femaleShare(int age) {
        if (age < 20) return 0.488;
        if (age < 60) return 0.506;
        if (age < 75) return 0.530;
        if (age < 85) return 0.580;
        return 0.670;
    }

    /** Asthma, whole population (Santé publique France: about 4 million people, ~6–7 %). */
    static final double ASTHMA = 0.06;
    /** COPD from 40 (Santé publique France: 5–10 % of adults over 40; low end, many are undiagnosed). */
    static final double COPD_40_PLUS = 0.05;
    /** Heart failure from 60 (Santé publique France: ~1.5 million people, ~2.3 % of adults, ~10 % after 70). */
    static final double HEART_FAILURE_60_PLUS = 0.04;
    /** Long-term immunosuppressive treatment (assumption, order of magnitude). */
    static final double IMMUNOSUPPRESSED = 0.01;

    /**
     * Treated diabetes from 30, rising with age to a ceiling (Santé publique France: 5.3 % of the
     * population treated in 2020, ~20 % of men aged 70–84); the age slope is an assumption.
     */
    static double diabetes(int age) {
        return Math.min(0.2, age / 600.0);
    }

    /** Pregnant on a given day, women 18–42 (INSEE: ~680,000 births in 2023; assumption: ~9 months each, plus losses). */
    static final double PREGNANT = 0.045;

    /** Organised plus individual breast screening, women 50–74 (Santé publique France: 46.5 % organised 2022–2023, ~10 % individual). */
    static final double BREAST_SCREENING = 0.55;
    /** Colorectal screening by FIT, 50–74 (Santé publique France: 34.2 % in 2022–2023). */
    static final double COLORECTAL_SCREENING = 0.35;
    /** Cervical screening coverage over 3 years, women 25–65 (Santé publique France: ~59 % in 2018–2020). */
    static final double CERVICAL_SCREENING = 0.55;

    /** Flu vaccination, 65 and over (Santé publique France: 54 % in 2023–2024). */
    static final double FLU_65_PLUS = 0.54;
    /** COVID-19 autumn vaccination, 65 and over (Santé publique France: ~30 % in 2023–2024). */
    static final double COVID_65_PLUS = 0.30;
    /** HPV, at least one dose, girls (Santé publique France: 54.6 % at 15 in 2023). */
    static final double HPV_GIRLS = 0.55;
    /** HPV, at least one dose, boys (Santé publique France: 25.9 % at 15 in 2023). */
    static final double HPV_BOYS = 0.26;

    /** Opted out of personalised prevention (assumption). */
    static final double OPTED_OUT = 0.02;
    /** Insurer-data consent per pathway: granted, refused, otherwise not asked (assumptions). */
    static final double CONSENT_GRANTED = 0.2;
    static final double CONSENT_REFUSED = 0.1;
    /** A minor's space with two legal representatives rather than one (assumption). */
    static final double TWO_REPRESENTATIVES = 0.75;
    /** An adult whose e-mail address the insurer knows (assumption: most insured adults gave one to their fund). */
    static final double EMAIL_KNOWN = 0.8;
    /** An activated space whose holder uses the mobile application, with push on (assumption). */
    static final double MOBILE_APP = 0.35;
}
