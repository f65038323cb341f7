package org.vigie.engine.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a campaign file's {@code seasons}: either a season that recurs every year on its
 * usual dates ({@code opens}, {@code closes} as MM-DD) unless the committee set that year's dates
 * ({@code overrides}), or a single season on dates of its own ({@code name}, {@code from},
 * {@code to}). A committee's dates are dated themselves: they count only from the day they were
 * announced, so an evaluation dated before that day sees the usual dates (or the dates announced
 * earlier), and time travel stays a function of the rule set, the snapshot and the reference date.
 *
 * <p>Validated with the file and the field by {@link CampaignCatalogue#parse}.
 */
public record SeasonPlan(String name, String label, String kind, LocalDate from, LocalDate to,
                         MonthDay opens, MonthDay closes, List<SeasonDates> overrides) {

    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})-(\\d{2})");

    public SeasonPlan {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** A season every year from {@code opens} to {@code closes} (the next year when it closes before it opens). */
    public static SeasonPlan recurring(String label, String kind, MonthDay opens, MonthDay closes, List<SeasonDates> overrides) {
        return new SeasonPlan(null, label, kind, null, null, opens, closes, overrides);
    }

    /** A single season, on dates of its own. */
    public static SeasonPlan single(String name, String kind, LocalDate from, LocalDate to) {
        return new SeasonPlan(name, null, kind, from, to, null, null, List.of());
    }

    @JsonCreator
    static SeasonPlan read(@JsonProperty("name") String name, @JsonProperty("label") String label,
                           @JsonProperty("kind") String kind, @JsonProperty("from") LocalDate from,
                           @JsonProperty("to") LocalDate to, @JsonProperty("opens") String opens,
                           @JsonProperty("closes") String closes, @JsonProperty("overrides") List<SeasonDates> overrides) {
        return new SeasonPlan(name, label, kind, from, to, monthDay("opens", opens), monthDay("closes", closes), overrides);
    }

    private static MonthDay monthDay(String field, String text) {
        if (text == null) return null;
        Matcher m = MONTH_DAY.matcher(text);
        try {
            if (m.matches()) return MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            // reported below
        }
        throw new IllegalArgumentException(field + ": '" + text + "' is not a day of the year (MM-DD, e.g. 10-15)");
    }

    /** The committee's dates for one year's season, in force from the day they were announced. */
    public record SeasonDates(String season, LocalDate opens, LocalDate closes, LocalDate announced) {

        /** {@code season: 2027} is read as YAML's number 2027: the season's name all the same. */
        @JsonCreator
        static SeasonDates read(@JsonProperty("season") Object season, @JsonProperty("opens") LocalDate opens,
                                @JsonProperty("closes") LocalDate closes, @JsonProperty("announced") LocalDate announced) {
            return new SeasonDates(season == null ? null : String.valueOf(season), opens, closes, announced);
        }
    }

    public boolean recurring() {
        return opens != null;
    }

    /** Whether a season closes the year after it opens, e.g. from 15 October to 31 January. */
    public boolean crossesNewYear() {
        return closes.isBefore(opens);
    }

    /** The years a recurring season is known by: "2026-2027" when it crosses the new year, else "2027". */
    public String years(int openingYear) {
        return crossesNewYear() ? openingYear + "-" + (openingYear + 1) : String.valueOf(openingYear);
    }

    /** The season that opens in {@code year} on its usual dates. */
    public Season usual(int year) {
        return new Season(seasonName(year), opens.atYear(year), closes.atYear(crossesNewYear() ? year + 1 : year), kind, null);
    }

    /**
     * The recurring season that opens in {@code year} as known on {@code knownOn}: the committee's
     * dates announced last on or before that day, else the usual dates.
     */
    public Season season(int year, LocalDate knownOn) {
        SeasonDates latest = null;
        String years = years(year);
        for (SeasonDates set : overrides) {
            if (set.season().equals(years) && !set.announced().isAfter(knownOn)
                    && (latest == null || set.announced().isAfter(latest.announced()))) {
                latest = set;
            }
        }
        return latest == null ? usual(year)
                : new Season(seasonName(year), latest.opens(), latest.closes(), kind, latest.announced());
    }

    /** The single season of this entry. */
    public Season single() {
        return new Season(name, from, to, kind, null);
    }

    private String seasonName(int year) {
        return label == null ? years(year) : label + " " + years(year);
    }

    /**
     * The season of this entry open on {@code date}, as known that day, or null. A committee's
     * dates keep a season within its opening year and before the next usual opening, so only the
     * seasons opening this year and last year can be open.
     */
    Season seasonOn(LocalDate date) {
        if (!recurring()) {
            Season s = single();
            return s.contains(date) ? s : null;
        }
        for (int year = date.getYear() - 1; year <= date.getYear(); year++) {
            if (!computable(year)) continue;
            Season s = season(year, date);
            if (s.contains(date)) return s;
        }
        return null;
    }

    /** Whether the season opening in {@code year} has dates {@link LocalDate} can hold (not at its very ends). */
    private static boolean computable(int year) {
        return year > java.time.Year.MIN_VALUE && year < java.time.Year.MAX_VALUE;
    }

    /** The first season of this entry opening after {@code date}, as known that day, or null. */
    Season nextAfter(LocalDate date) {
        if (!recurring()) {
            Season s = single();
            return s.from().isAfter(date) ? s : null;
        }
        for (int year = date.getYear(); year <= date.getYear() + 1; year++) {
            if (!computable(year)) continue;
            Season s = season(year, date);
            if (s.from().isAfter(date)) return s;
        }
        return null;
    }
}
