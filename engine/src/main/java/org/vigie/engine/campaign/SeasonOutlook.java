package org.vigie.engine.campaign;

import java.time.LocalDate;

/**
 * What a seasonal campaign's seasons look like from one day, as known that day: the season open,
 * the next one, and whether none is open on any of the next {@value #HORIZON_DAYS} days (nobody
 * is then recommended the campaign meanwhile, which the operator and the committee must see).
 *
 * @param until   the last day looked at, {@code on} plus {@value #HORIZON_DAYS} days
 * @param current the season open on {@code on}, or null
 * @param next    the first season opening after {@code on}, or null when none is known
 * @param lapsing whether no season is open on any day from {@code on} to {@code until}
 */
public record SeasonOutlook(LocalDate on, LocalDate until, Season current, Season next, boolean lapsing) {

    public static final int HORIZON_DAYS = 60;

    /** The outlook of a seasonal campaign on {@code on}; null for a campaign without seasons. */
    public static SeasonOutlook of(Campaign campaign, LocalDate on) {
        if (!campaign.seasonal()) return null;
        LocalDate until = on.plusDays(HORIZON_DAYS);
        Season current = campaign.seasonOn(on).orElse(null);
        Season next = campaign.nextSeasonAfter(on).orElse(null);
        boolean lapsing = current == null && (next == null || next.from().isAfter(until));
        return new SeasonOutlook(on, until, current, next, lapsing);
    }
}
