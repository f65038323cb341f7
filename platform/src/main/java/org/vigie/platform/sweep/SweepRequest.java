package org.vigie.platform.sweep;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What to sweep: some campaigns (null: every campaign of the rule set) on a reference date, cut
 * into chunks of {@code chunkSize} citizens (null: {@code vigie.sweeps.chunk-size}).
 */
public record SweepRequest(Set<String> campaigns, LocalDate on, String requestedBy, Integer chunkSize) {

    public SweepRequest {
        Objects.requireNonNull(on, "a sweep needs a reference date");
        if (requestedBy == null || requestedBy.isBlank()) throw new IllegalArgumentException("a sweep is requested by someone");
        if (campaigns != null) {
            if (campaigns.isEmpty()) throw new IllegalArgumentException("a sweep of no campaign sweeps nothing");
            campaigns = Set.copyOf(campaigns);
        }
        if (chunkSize != null && chunkSize < 1) throw new IllegalArgumentException("a chunk holds at least one citizen");
    }

    public static SweepRequest all(LocalDate on, String requestedBy) {
        return new SweepRequest(null, on, requestedBy, null);
    }

    public static SweepRequest of(String campaign, LocalDate on, String requestedBy) {
        return new SweepRequest(Set.of(campaign), on, requestedBy, null);
    }

    public SweepRequest inChunksOf(int size) {
        return new SweepRequest(campaigns, on, requestedBy, size);
    }
}
