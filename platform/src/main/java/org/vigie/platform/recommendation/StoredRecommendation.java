package org.vigie.platform.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.platform.citizen.CitizenId;

/**
 * A recommendation as stored for a citizen: the engine's recommendation (key, campaign, rule,
 * due period, reasons, data used, the date of the appointment booked for it), the rule set that made
 * it, the notification category its campaign declares in that rule set ({@code null} if unknown), and
 * where it is in its life.
 */
public record StoredRecommendation(UUID id, CitizenId citizen, String key, String campaign, String rule, String ruleSet,
                                   LocalDate dueFrom, LocalDate dueBy, List<String> reasons, List<String> dataUsed,
                                   RecommendationStatus status, Instant createdAt, Instant updatedAt, Instant closedAt,
                                   LocalDate plannedOn, NotificationCategory category) {

    public StoredRecommendation {
        reasons = List.copyOf(reasons);
        dataUsed = List.copyOf(dataUsed);
    }

    /** The same recommendation with its reasons as someone else reads them (a representative). */
    public StoredRecommendation withReasons(List<String> read) {
        return new StoredRecommendation(id, citizen, key, campaign, rule, ruleSet, dueFrom, dueBy, read, dataUsed, status, createdAt,
                updatedAt, closedAt, plannedOn, category);
    }
}
