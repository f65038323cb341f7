package org.vigie.platform.recommendation;

import java.util.EnumSet;
import java.util.Set;

/** Where a stored recommendation is in its life. */
public enum RecommendationStatus {
    OPEN, NOTIFIED, SEEN, COMPLETED, EXPIRED, WITHDRAWN;

    /** Still shown to the holder and still to be notified about. */
    public static final Set<RecommendationStatus> ACTIVE = EnumSet.of(OPEN, NOTIFIED, SEEN);

    public boolean active() {
        return ACTIVE.contains(this);
    }
}
