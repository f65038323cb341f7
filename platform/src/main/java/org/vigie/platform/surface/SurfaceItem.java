package org.vigie.platform.surface;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vigie.engine.campaign.ProfileSection;
import org.vigie.engine.campaign.Surface;
import org.vigie.platform.recommendation.RecommendationStatus;

/**
 * One recommendation as a surface shows it: its texts (title, short text for lists, full text),
 * whether it is still unread, where it comes from and why it is shown (P5), addressed to whoever reads
 * it (the holder, or a representative). {@code plannedOn}: the date of the appointment booked for it,
 * if any. The profile section is set on profile alerts only.
 */
public record SurfaceItem(UUID recommendation, Surface surface, String campaign, String key, RecommendationStatus status,
                          boolean unread, Instant date, LocalDate dueFrom, LocalDate dueBy, LocalDate plannedOn, ProfileSection section,
                          String sectionLabel, String title, String summary, String body, Provenance provenance, Why why) {

    /** That it comes from personalised prevention, and how to object to it (P2, P5). */
    public record Provenance(String text, String objection) {
    }

    /**
     * Why it is shown: the citizen's own reasons (from the rule), the campaign's criteria, and where
     * every recommendation is listed with its rule, rule set and data used.
     */
    public record Why(List<String> reasons, String criteria, String recommendations) {

        public Why {
            reasons = List.copyOf(reasons);
        }
    }
}
