package org.vigie.platform.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigie.platform.citizen.CitizenId;

/**
 * What one reconciliation changed, for one citizen (event-driven re-evaluation) or a chunk of a
 * sweep: the recommendations opened (or opened again after a withdrawal) and those closed. Delivery
 * plans notifications for the first and cancels the pending ones of the second.
 */
public record RecommendationsChanged(List<Opened> opened, List<Closed> closed, Instant at) {

    public RecommendationsChanged {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
    }

    public record Opened(UUID recommendation, CitizenId citizen, String key, String campaign) {
    }

    public record Closed(UUID recommendation, CitizenId citizen, String key, RecommendationStatus status) {
    }

    boolean isEmpty() {
        return opened.isEmpty() && closed.isEmpty();
    }
}
