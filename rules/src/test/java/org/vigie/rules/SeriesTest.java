package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.json.SnapshotJson;

/**
 * A vaccination series is never read as complete before its last dose: on every day from the first
 * dose to the day before the last one, the campaign recommends the next dose, with a window that
 * starts after the latest dose given; from the day of the last dose, nothing. Checked day by day on
 * the shipped rule set for every multi-dose campaign (HPV in 2 and 3 doses, zoster, MMR for an infant
 * and as an adult catch-up), with intervals drawn at random around the minimum ones.
 */
class SeriesTest {

    private static RuleSet ruleSet;

    @BeforeAll
    static void build() {
        ruleSet = RuleSetManifest.loadDefault();
    }

    @AfterAll
    static void close() {
        ruleSet.close();
    }

    /** A complete series: who, which vaccine code, and the minimum gaps (in days) before each next dose. */
    private record Series(String key, String vaccine, String birthDate, String sex, String extra, LocalDate first, int... minGaps) {
    }

    @Test
    void theNextDoseIsRecommendedOnEveryDayBetweenTwoDosesAndNothingOnceTheSeriesIsComplete() {
        Random random = new Random(20261207);
        List<Series> series = List.of(
                new Series("VACC_HPV", "HPV", "2013-01-10", "F", "", LocalDate.of(2025, 2, 1), 153),
                new Series("VACC_HPV", "HPV", "2008-01-10", "M", "", LocalDate.of(2025, 2, 1), 59, 123),
                new Series("VACC_ZOSTER", "ZOSTER", "1956-02-01", "F", "", LocalDate.of(2025, 2, 1), 62),
                new Series("VACC_ZOSTER", "ZOSTER", "1986-01-10", "M", ",\"treatments\":[{\"code\":\"L04AX01\"}]",
                        LocalDate.of(2025, 2, 1), 62),
                new Series("VACC_MMR", "MMR", "2025-01-10", "F", "", LocalDate.of(2026, 1, 10), 121),
                new Series("VACC_MMR", "MMR", "1990-01-10", "M", "", LocalDate.of(2025, 2, 1), 31));
        int days = 0;
        for (int draw = 0; draw < 4; draw++) {
            for (Series s : series) {
                List<LocalDate> doses = new ArrayList<>(List.of(s.first()));
                for (int gap : s.minGaps()) doses.add(doses.get(doses.size() - 1).plusDays(gap + random.nextInt(60)));
                LocalDate last = doses.get(doses.size() - 1);
                for (LocalDate on = s.first(); !on.isAfter(last); on = on.plusDays(1)) {
                    LocalDate day = on;
                    List<LocalDate> given = doses.stream().filter(d -> !d.isAfter(day)).toList();
                    Decision decision = ruleSet.evaluate(SnapshotJson.read(snapshot(s, day, given)), null);
                    List<Recommendation> due = decision.recommendations().stream().filter(r -> r.key().equals(s.key())).toList();
                    String context = s.key() + " on " + day + " after doses " + given + ": " + decision;
                    if (given.size() < doses.size()) {
                        assertThat(due).as("the next dose is recommended, " + context).singleElement()
                                .satisfies(r -> assertThat(r.dueFrom()).as("its window starts after the latest dose")
                                        .isAfter(given.get(given.size() - 1)));
                    } else {
                        assertThat(due).as("a complete series, " + context).isEmpty();
                    }
                    days++;
                }
            }
        }
        assertThat(days).as("days evaluated").isGreaterThan(2500);
    }

    private static String snapshot(Series s, LocalDate on, List<LocalDate> doses) {
        StringBuilder vaccinations = new StringBuilder();
        for (LocalDate d : doses) {
            if (!vaccinations.isEmpty()) vaccinations.append(',');
            vaccinations.append("{\"vaccine\":\"").append(s.vaccine()).append("\",\"date\":\"").append(d).append("\"}");
        }
        return "{\"on\":\"" + on + "\",\"citizen\":{\"birthDate\":\"" + s.birthDate() + "\",\"sex\":\"" + s.sex() + "\""
                + s.extra() + ",\"vaccinations\":[" + vaccinations + "]}}";
    }
}
