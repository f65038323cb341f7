package org.vigie.platform.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.platform.citizen.CitizenId;

/**
 * What one reconciliation changed, for one citizen (event-driven re-evaluation) or a chunk of a
 * sweep: the recommendations opened (or opened again after a withdrawal), those closed, and those
 * due again once the appointment booked for them passed (or was cancelled) without the act. Delivery
 * plans notifications for the first, unless an appointment is already booked for them, and for the
 * last, under the notification category their campaign declares ({@code null} for a campaign the rule
 * set that made them does not know), and cancels the pending ones of the closed.
 */
public record RecommendationsChanged(List<Opened> opened, List<Closed> closed, List<DueAgain> dueAgain, Instant at) {

    public RecommendationsChanged {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
        dueAgain = List.copyOf(dueAgain);
    }

    public RecommendationsChanged(List<Opened> opened, List<Closed> closed, Instant at) {
        this(opened, closed, List.of(), at);
    }

    /** Opened; {@code planned}: an appointment is already booked for it, so nobody is reminded of it. */
    public record Opened(UUID recommendation, CitizenId citizen, String key, String campaign, NotificationCategory category,
                         boolean planned) {

        public Opened(UUID recommendation, CitizenId citizen, String key, String campaign, NotificationCategory category) {
            this(recommendation, citizen, key, campaign, category, false);
        }
    }

    /** Due again: the appointment of {@code missed} passed, or was cancelled, and the act is not recorded. */
    public record DueAgain(UUID recommendation, CitizenId citizen, String key, String campaign, NotificationCategory category,
                           LocalDate missed) {
    }

    public record Closed(UUID recommendation, CitizenId citizen, String key, RecommendationStatus status) {
    }

    boolean isEmpty() {
        return opened.isEmpty() && closed.isEmpty() && dueAgain.isEmpty();
    }
}
