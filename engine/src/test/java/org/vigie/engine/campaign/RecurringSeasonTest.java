package org.vigie.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vigie.engine.json.Fixtures;

/** A season recurs every year on its usual dates unless the committee set that year's, from the day announced. */
class RecurringSeasonTest {

    static final String GOOD = Fixtures.resource("/testbase/campaigns/test-mammo.yaml");

    /** The flu campaign's shape: usual dates, 2025-26 set on opening day, then extended on 27 January 2026. */
    static final String FLU = GOOD + """
            seasons:
              - opens: "10-15"
                closes: "01-31"
                overrides:
                  - {season: 2025-2026, opens: 2025-10-14, closes: 2026-01-31, announced: 2025-10-14}
                  - {season: 2025-2026, opens: 2025-10-14, closes: 2026-02-28, announced: 2026-01-27}
            """;

    static Campaign flu() {
        return CampaignCatalogue.parse("test-mammo.yaml", FLU);
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void recursEveryYearOnItsUsualDatesWithoutAnyChange() {
        Campaign c = flu();
        for (int year = 2026; year <= 2040; year++) {
            assertThat(c.seasonOn(LocalDate.of(year, 10, 14))).as("the day before, %s", year).isEmpty();
            assertThat(c.seasonOn(LocalDate.of(year, 10, 15))).as("first day").get()
                    .isEqualTo(new Season(year + "-" + (year + 1), LocalDate.of(year, 10, 15), LocalDate.of(year + 1, 1, 31), null, null));
            assertThat(c.seasonOn(LocalDate.of(year + 1, 1, 31))).as("last day").map(Season::name).contains(year + "-" + (year + 1));
            assertThat(c.seasonOn(LocalDate.of(year + 1, 2, 1))).as("the day after").isEmpty();
        }
        assertThat(c.seasonOn(d("2026-12-07"))).map(Season::name).contains("2026-2027");
        assertThat(c.seasonOn(d("2026-06-15"))).as("between seasons").isEmpty();
    }

    @Test
    void theEndsOfTheCalendarHaveNoSeasonRatherThanAnOverflow() {
        Campaign c = flu();
        assertThat(c.seasonOn(LocalDate.MAX)).isEmpty();
        assertThat(c.seasonOn(LocalDate.MIN)).isEmpty();
        assertThat(c.nextSeasonAfter(LocalDate.MAX)).isEmpty();
        assertThat(c.seasonOn(LocalDate.of(999_999_998, 12, 1))).map(Season::name).contains("999999998-999999999");
    }

    @Test
    void theCommitteesDatesCountOnlyFromTheDayTheyWereAnnounced() {
        Campaign c = flu();
        assertThat(c.seasonOn(d("2025-10-13"))).isEmpty();
        assertThat(c.seasonOn(d("2025-10-14"))).get().satisfies(s -> {
            assertThat(s.from()).isEqualTo(d("2025-10-14"));
            assertThat(s.to()).as("the extension is not announced yet").isEqualTo(d("2026-01-31"));
            assertThat(s.announced()).isEqualTo(d("2025-10-14"));
        });
        assertThat(c.seasonOn(d("2026-01-26"))).map(Season::to).contains(d("2026-01-31"));
        assertThat(c.seasonOn(d("2026-01-27"))).map(Season::to).contains(d("2026-02-28"));
        assertThat(c.seasonOn(d("2026-02-28"))).map(Season::announced).contains(d("2026-01-27"));
        assertThat(c.seasonOn(d("2026-03-01"))).isEmpty();
    }

    @Test
    void anEvaluationDatedBeforeAnAnnouncementSeesTheUsualDates() {
        Campaign c = CampaignCatalogue.parse("test-mammo.yaml", FLU.replace("""
                  - {season: 2025-2026, opens: 2025-10-14, closes: 2026-01-31, announced: 2025-10-14}
                """, """
                  - {season: 2026-2027, opens: 2026-10-01, closes: 2027-02-15, announced: 2026-09-01}
                """));
        assertThat(c.seasonOn(d("2026-10-01"))).map(Season::from).contains(d("2026-10-01"));
        assertThat(c.seasonOn(d("2027-02-15"))).isPresent();
        // the same days, asked as known before the announcement: the usual season
        assertThat(c.nextSeasonAfter(d("2026-08-31"))).get().satisfies(s -> {
            assertThat(s.from()).isEqualTo(d("2026-10-15"));
            assertThat(s.announced()).isNull();
        });
        assertThat(c.nextSeasonAfter(d("2026-09-01"))).map(Season::from).contains(d("2026-10-01"));
    }

    @Test
    void seasonsOfOneYearAreNamedByTheirYearsAfterTheirLabel() {
        Campaign c = CampaignCatalogue.parse("test-mammo.yaml", GOOD + """
                seasons:
                  - {label: printemps, kind: SPRING, opens: "04-14", closes: "06-14"}
                  - {label: automne, kind: AUTUMN, opens: "10-15", closes: "01-31",
                     overrides: [{season: 2025-2026, opens: 2025-10-14, closes: 2026-01-31, announced: 2025-10-14}]}
                """);
        assertThat(c.seasonOn(d("2027-04-14"))).get().satisfies(s -> {
            assertThat(s.name()).isEqualTo("printemps 2027");
            assertThat(s.kind()).isEqualTo("SPRING");
            assertThat(s.to()).isEqualTo(d("2027-06-14"));
        });
        assertThat(c.seasonOn(d("2026-11-01"))).get().satisfies(s -> {
            assertThat(s.name()).isEqualTo("automne 2026-2027");
            assertThat(s.kind()).isEqualTo("AUTUMN");
        });
        assertThat(c.nextSeasonAfter(d("2026-02-01"))).map(Season::name).contains("printemps 2026");
        assertThat(c.nextSeasonAfter(d("2026-06-15"))).map(Season::name).contains("automne 2026-2027");
    }

    @Test
    void theOutlookSaysWhenNoSeasonIsOpenInTheNextSixtyDays() {
        Campaign c = flu();
        SeasonOutlook winter = SeasonOutlook.of(c, d("2026-12-07"));
        assertThat(winter.current()).extracting(Season::name).isEqualTo("2026-2027");
        assertThat(winter.lapsing()).isFalse();

        SeasonOutlook spring = SeasonOutlook.of(c, d("2026-03-16"));
        assertThat(spring.current()).isNull();
        assertThat(spring.until()).isEqualTo(d("2026-05-15"));
        assertThat(spring.next()).extracting(Season::from).isEqualTo(d("2026-10-15"));
        assertThat(spring.lapsing()).isTrue();

        assertThat(SeasonOutlook.of(c, d("2026-08-15")).lapsing()).as("opens 61 days later").isTrue();
        assertThat(SeasonOutlook.of(c, d("2026-08-16")).lapsing()).as("opens on the 60th day").isFalse();

        Campaign single = CampaignCatalogue.parse("test-mammo.yaml", GOOD + """
                seasons:
                  - {name: "2025-2026", from: 2025-10-14, to: 2026-01-31}
                """);
        SeasonOutlook lapsed = SeasonOutlook.of(single, d("2026-12-07"));
        assertThat(lapsed.next()).as("nothing is known after the single season").isNull();
        assertThat(lapsed.lapsing()).isTrue();
        assertThat(SeasonOutlook.of(CampaignCatalogue.parse("test-mammo.yaml", GOOD), d("2026-12-07"))).as("not seasonal").isNull();
    }

    @Test
    void badSeasonsFailWithTheFileAndTheField() {
        String every = GOOD + "seasons:\n  - {opens: \"10-15\", closes: \"01-31\", overrides: [%s]}\n";
        assertBad(GOOD + "seasons:\n  - {opens: \"10-32\", closes: \"01-31\"}\n", "seasons[0]: opens: '10-32' is not a day of the year (MM-DD");
        assertBad(GOOD + "seasons:\n  - {opens: \"15/10\", closes: \"01-31\"}\n", "seasons[0]: opens: '15/10' is not a day of the year");
        assertBad(GOOD + "seasons:\n  - {opens: \"10-15\"}\n", "seasons[0].closes: is required");
        assertBad(GOOD + "seasons:\n  - {closes: \"10-15\"}\n", "seasons[0].opens: is required");
        assertBad(GOOD + "seasons:\n  - {opens: \"10-15\", closes: \"10-15\"}\n", "seasons[0].closes: must differ from opens");
        assertBad(GOOD + "seasons:\n  - {opens: \"10-15\", closes: \"01-31\", name: x}\n", "seasons[0]: a season every year (opens, closes) takes no name");
        assertBad(GOOD + "seasons:\n  - {kind: autumn, opens: \"10-15\", closes: \"01-31\"}\n", "seasons[0].kind: 'autumn' must be upper case");
        assertBad(GOOD + "seasons:\n  - {opens: \"10-15\", closes: \"01-31\"}\n  - {opens: \"04-15\", closes: \"06-15\"}\n",
                "seasons[1].kind: a season every year of this kind is already declared");
        assertBad(GOOD + "seasons:\n  - {label: x}\n", "seasons[0]: give opens and closes (a season every year, MM-DD) or name, from and to");
        assertBad(GOOD + "seasons:\n  - {name: a, from: 2025-10-14, to: 2026-01-31, label: b}\n",
                "seasons[0]: label and overrides belong to a season every year");
        assertBad(every.formatted("{season: 2026, opens: 2026-10-01, closes: 2027-01-31, announced: 2026-09-01}"),
                "seasons[0].overrides[0].season: '2026' must name the season's years, e.g. '2026-2027' (it closes the year after it opens)");
        assertBad(every.formatted("{season: 2026-2028, opens: 2026-10-01, closes: 2027-01-31, announced: 2026-09-01}"),
                "seasons[0].overrides[0].season: '2026-2028' must name the season's years");
        assertBad(every.formatted("{season: 2026-2027, opens: 2026-10-01, closes: 2027-01-31}"),
                "seasons[0].overrides[0].announced: is required");
        assertBad(every.formatted("{season: 2026-2027, opens: 2026-10-01, closes: 2026-09-01, announced: 2026-09-01}"),
                "seasons[0].overrides[0].closes: is before opens");
        assertBad(every.formatted("{season: 2026-2027, opens: 2027-01-01, closes: 2027-01-31, announced: 2026-09-01}"),
                "seasons[0].overrides[0].opens: must be in 2026, the year season 2026-2027 opens");
        assertBad(every.formatted("{season: 2026-2027, opens: 2026-10-01, closes: 2027-10-15, announced: 2026-09-01}"),
                "seasons[0].overrides[0].closes: must be before 2027-10-15, when the season after usually opens");
        // a season within one year is named by its year, quoted or not
        Campaign spring = CampaignCatalogue.parse("f/test-mammo.yaml", GOOD + "seasons:\n  - {opens: \"04-15\", closes: \"06-15\", "
                + "overrides: [{season: 2026, opens: 2026-04-01, closes: 2026-06-15, announced: 2026-01-01}, "
                + "{season: \"2027\", opens: 2027-04-02, closes: 2027-06-15, announced: 2026-01-01}]}\n");
        assertThat(spring.seasonOn(d("2026-04-01"))).map(Season::name).contains("2026");
        assertThat(spring.seasonOn(d("2027-04-02"))).map(Season::name).contains("2027");
        assertBad(every.formatted("{season: 2026-2027, opens: 2026-10-01, closes: 2027-01-31, announced: 2026-09-01}, "
                        + "{season: 2026-2027, opens: 2026-10-02, closes: 2027-01-31, announced: 2026-09-01}"),
                "seasons[0].overrides[1].announced: season 2026-2027 already has dates announced on 2026-09-01");
        assertBad(every.formatted("{season: 2026-2027, opens: 2026-10-01, closes: 2027-01-31, announced: 2026-09-01, reason: x}"),
                "seasons[0].overrides[0].reason: unknown field");
    }

    private static void assertBad(String yaml, String message) {
        assertThatThrownBy(() -> CampaignCatalogue.parse("f/test-mammo.yaml", yaml))
                .isInstanceOf(InvalidCampaignException.class)
                .hasMessageContaining("f/test-mammo.yaml: " + message);
    }
}
