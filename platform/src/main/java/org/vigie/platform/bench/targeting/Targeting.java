package org.vigie.platform.bench.targeting;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.platform.citizen.CitizenId;

/**
 * The citizens each organised-screening campaign targets on a date, found by one hand-written SQL
 * query per campaign over the stored citizens — what a database team would write instead of a rule
 * engine. It exists only to be compared with the engine ({@code bench targeting} and its test): the
 * same target sets, and how long each takes. Nothing in the application targets anyone this way.
 *
 * <p>Each query restates, in SQL alone, what the engine and the shipped rules decide
 * (docs/rules/SCREEN_*.md):
 * <ul>
 *   <li>the engine's guards: a space created and not opposed, closed or deceased (OPEN or
 *       ACTIVATED), no prevention opt-out; a fact from the insurer's data counts only when the
 *       holder granted consent for the screening pathway; a minor's hidden facts never count; a
 *       fact dated after the reference date (act date, condition onset) does not exist yet;</li>
 *   <li>age in completed years on the date ({@code birth_date + n years <= on}: PostgreSQL, like
 *       {@code LocalDate.plusYears}, puts a 29 February birthday on 28 February), and sex;</li>
 *   <li>the terminology: the ICD-10 prefixes, CCAM and NABM codes of {@code vigie/terminology.csv}
 *       are written out here, codes compared as the engine normalises them (dots and spaces
 *       removed, upper case). A change of the table, or of a rule, must be made here by hand too:
 *       that is the price of this approach, and the test that compares both sides catches it;</li>
 *   <li>each rule's exclusions and intervals, in calendar years.</li>
 * </ul>
 * The screening campaigns have no season and no effective dates, so no window applies.
 */
public final class Targeting {

    /** The campaigns targeted here, with their recommendation key and campaign id. */
    public enum Screening {
        SCREEN_BREAST("screen-breast", BREAST),
        SCREEN_CERVICAL("screen-cervical", CERVICAL),
        SCREEN_COLORECTAL("screen-colorectal", COLORECTAL);

        private final String campaign;
        private final String sql;

        Screening(String campaign, String sql) {
            this.campaign = campaign;
            this.sql = sql;
        }

        /** The campaign id, as recommendations name it. */
        public String campaign() {
            return campaign;
        }

        /** The query; its one parameter is {@code :on}, the reference date. */
        public String sql() {
            return sql;
        }
    }

    private final JdbcClient jdbc;

    public Targeting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the citizens the campaign targets on the date. */
    public Set<CitizenId> targets(Screening campaign, LocalDate on) {
        Set<CitizenId> targets = new HashSet<>();
        jdbc.sql(campaign.sql()).param("on", on)
                .query((rs, n) -> targets.add(new CitizenId(rs.getObject(1, UUID.class)))).list();
        return targets;
    }

    // What every query shares: the citizens of the campaign's sex and ages whose space may be
    // evaluated. The age test is exact (birth date + n years, as the engine counts); the range on
    // the birth date a week wider before it only lets an index on the birth date serve the query.
    // A fact of an eligible citizen e counts when it is not a minor's hidden fact and, coming from
    // the insurer's data, when the screening consent is granted.
    private static String eligible(String sex, int fromAge, int beforeAge) {
        return """
                with eligible as (
                    select c.id,
                           c.birth_date + interval '18 years' > :on as minor,
                           c.birth_date + interval '30 years' > :on as under_30,
                           coalesce(k.consent = 'GRANTED', false) as insurer_data
                    from citizen c
                    left join insurer_consent k on k.citizen_id = c.id and k.pathway = 'SCREENING'
                    where c.account_status in ('OPEN', 'ACTIVATED')
                      and not c.prevention_opt_out
                      and %1$s
                      and c.birth_date <= cast(cast(:on as date) - interval '%2$d years' + interval '7 days' as date)
                      and c.birth_date > cast(cast(:on as date) - interval '%3$d years' - interval '7 days' as date)
                      and c.birth_date + interval '%2$d years' <= :on
                      and c.birth_date + interval '%3$d years' > :on
                )
                """.formatted(sex, fromAge, beforeAge);
    }

    private static String usable(String alias) {
        return "(not %1$s.hidden_from_representatives or not e.minor) and (%1$s.source <> 'INSURER' or e.insurer_data)"
                .formatted(alias);
    }

    /** An ICD-10 code of {@code alias} under one of the prefixes (given without dots). */
    private static String icd10(String alias, String... prefixes) {
        StringBuilder patterns = new StringBuilder();
        for (String p : prefixes) patterns.append(patterns.isEmpty() ? "" : ", ").append("'").append(p).append("%'");
        return "upper(replace(replace(%s.code, '.', ''), ' ', '')) like any (array[%s])".formatted(alias, patterns);
    }

    /** An act of the kind, given as the kind or as a code the terminology maps to it. */
    private static String act(String kind, String system, String... codes) {
        if (codes.length == 0) return "a.kind = '" + kind + "'";
        return "(a.kind = '%s' or a.kind is null and a.system = '%s' and upper(replace(replace(a.code, '.', ''), ' ', '')) in ('%s'))"
                .formatted(kind, system, String.join("', '", codes));
    }

    private static final String MAMMOGRAPHY = act("MAMMOGRAPHY", "CCAM", "QEQK004", "QEQK001");
    private static final String COLONOSCOPY = act("COLONOSCOPY", "CCAM", "HHQE002", "HHQE005");
    private static final String FIT_TEST = act("FIT_TEST", null);
    private static final String CYTOLOGY = act("CERVICAL_CYTOLOGY", "CCAM", "JKHD001");
    private static final String HPV_TEST = act("HPV_TEST", "NABM", "4127");
    private static final String HYSTERECTOMY = act("HYSTERECTOMY", null);

    /** No usable act of the kind done in the last {@code years} years (none at all counts). */
    private static String noActWithin(String kind, int years) {
        return """
                not exists (select 1 from act a
                                where a.citizen_id = e.id and %s
                                  and a.date <= :on and a.date + interval '%d years' > :on
                                  and %s)
                """.formatted(kind, years, usable("a"));
    }

    /** No usable condition of the medical profile under these ICD-10 prefixes, known on the date. */
    private static String noCondition(String... prefixes) {
        return """
                not exists (select 1 from condition x
                                where x.citizen_id = e.id and %s
                                  and (x.since is null or x.since <= :on)
                                  and %s)
                """.formatted(icd10("x", prefixes), usable("x"));
    }

    private static final String[] COLORECTAL_CANCER = {"C18", "C19", "C20", "D010", "D011", "D012"};
    private static final String[] COLORECTAL_ADENOMA = {"D120", "D122", "D123", "D124", "D125", "D126", "D127", "D128"};

    /**
     * BreastScreeningFirst and BreastScreeningRenewal: a woman of 50 to 74, no BREAST_HIGH_RISK
     * condition, and no mammography in the last 2 years (the latest 2 years old or more, or none).
     */
    private static final String BREAST = eligible("c.sex = 'F'", 50, 75) + """
            select e.id from eligible e
            where %s  and %s""".formatted(
            noCondition("C50", "D05", "Z853", "Z150"),
            noActWithin(MAMMOGRAPHY, 2));

    /**
     * The three colorectal rules together: a woman or a man of 50 to 74 at average risk, no FIT in
     * the last 2 years and no colonoscopy in the last 5 (the rules split that case by which act
     * stopped covering last; together they say both have). High risk: a COLORECTAL_CANCER,
     * COLORECTAL_ADENOMA or INFLAMMATORY_BOWEL_DISEASE condition; a first-degree relative with
     * colorectal cancer or adenoma diagnosed before 65; two first-degree relatives with colorectal
     * cancer, two entries being two relatives unless they are the same fact (same code as written,
     * relation and age: the engine keeps one of equal facts).
     */
    private static final String COLORECTAL = eligible("true", 50, 75) + """
            , relatives as (
                select f.citizen_id, f.code, f.age_at_diagnosis,
                       %s as cancer
                from family_history f
                join eligible e on e.id = f.citizen_id
                where f.relation = 'FIRST_DEGREE' and %s
                  and (%s or %s)
            )
            select e.id from eligible e
            where %s  and not exists (select 1 from relatives r
                                where r.citizen_id = e.id and r.age_at_diagnosis < 65)
              and not exists (select 1 from relatives r1 join relatives r2 on r2.citizen_id = r1.citizen_id
                                where r1.citizen_id = e.id and r1.cancer and r2.cancer
                                  and (r2.code, r2.age_at_diagnosis) is distinct from (r1.code, r1.age_at_diagnosis))
              and %s  and %s""".formatted(
            icd10("f", COLORECTAL_CANCER), usable("f"), icd10("f", COLORECTAL_CANCER), icd10("f", COLORECTAL_ADENOMA),
            noCondition(concat(COLORECTAL_CANCER, COLORECTAL_ADENOMA, new String[]{"K50", "K51"})),
            noActWithin(FIT_TEST, 2), noActWithin(COLONOSCOPY, 5));

    /**
     * The six rows of the cervical decision table: a woman of 25 to 65, no total hysterectomy, no
     * CERVICAL_LESION condition; from 25 to 29 (HPV tests ignored) no cytology, or a single cytology
     * date at least 1 year old, or the latest of two or more dates at least 3 years old; from 30, no
     * test at all, or the latest test a cytology (no HPV test that day or later) at least 3 years
     * old, or an HPV test (no cytology after it) at least 5 years old.
     */
    private static final String CERVICAL = eligible("c.sex = 'F'", 25, 66) + """
            , tests as (
                select a.citizen_id,
                       max(a.date) filter (where %1$s) as last_cytology,
                       count(distinct a.date) filter (where %1$s) as cytology_dates,
                       max(a.date) filter (where %2$s) as last_hpv,
                       bool_or(%3$s) as hysterectomy
                from act a
                join eligible e on e.id = a.citizen_id
                where a.date <= :on and %4$s
                  and (%1$s or %2$s or %3$s)
                group by a.citizen_id
            )
            select e.id from eligible e
            left join tests t on t.citizen_id = e.id
            where t.hysterectomy is not true
              and %5$s  and case
                    when e.under_30 then
                        case coalesce(t.cytology_dates, 0)
                            when 0 then true
                            when 1 then t.last_cytology + interval '1 year' <= :on
                            else t.last_cytology + interval '3 years' <= :on
                        end
                    when t.last_cytology is null and t.last_hpv is null then true
                    when t.last_cytology is not null and (t.last_hpv is null or t.last_hpv < t.last_cytology)
                        then t.last_cytology + interval '3 years' <= :on
                    else t.last_hpv + interval '5 years' <= :on
                  end""".formatted(
            CYTOLOGY, HPV_TEST, HYSTERECTOMY, usable("a"),
            noCondition("N87", "D06", "C53", "R876"));

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
