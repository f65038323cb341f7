package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.vigie.engine.campaign.SeasonOutlook;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Pathway;

/**
 * The criteria of one campaign as a citizen may read them at any time (P5), generated from the
 * campaign file (who is concerned, the data it may use) and from its rules (what each checks and
 * what it reads): written once, never twice. {@code season} is the outlook of a seasonal campaign
 * on the day asked (null for a campaign without seasons).
 */
public record CampaignCriteria(
        String key,
        String campaign,
        String title,
        String whoIsConcerned,
        Pathway pathway,
        List<DataCategory> dataCategories,
        List<Check> checks,
        SeasonOutlook season) {

    /** One rule: what it checks, the data it reads, and when its text is in force. */
    public record Check(String rule, String description, List<DataCategory> dataUsed, LocalDate effective,
                        LocalDate expires) {
    }
}
