package org.vigie.platform.delivery;

import java.util.EnumSet;
import java.util.Set;

/** Where a delivery is: still to send (queued, or failed and to be retried), or done with. */
public enum DeliveryStatus {
    QUEUED, SENT, FAILED, DEAD, CANCELLED;

    /** Still to be sent; cancelling applies to these only. */
    public static final Set<DeliveryStatus> PENDING = EnumSet.of(QUEUED, FAILED);
}
