package org.vigie.platform.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A sweep's last chunk is done (or failed): published once, in that chunk's transaction. */
public record SweepFinished(long sweep, List<String> campaigns, LocalDate on, SweepStatus status, long citizensEvaluated,
                            long opened, long closed, Instant at) {

    public SweepFinished {
        campaigns = List.copyOf(campaigns);
    }
}
