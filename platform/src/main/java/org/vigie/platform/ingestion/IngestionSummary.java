package org.vigie.platform.ingestion;

/**
 * What an ingestion did: records read (blank lines are not records), stored (new citizens and
 * changed ones), unchanged (already stored exactly so: nothing written) and rejected.
 */
record IngestionSummary(int read, int stored, int unchanged, int rejected) {

    static final IngestionSummary NONE = new IngestionSummary(0, 0, 0, 0);

    IngestionSummary add(Outcome outcome) {
        return new IngestionSummary(read + 1,
                stored + (outcome == Outcome.STORED ? 1 : 0),
                unchanged + (outcome == Outcome.UNCHANGED ? 1 : 0),
                rejected + (outcome == Outcome.REJECTED ? 1 : 0));
    }

    enum Outcome { STORED, UNCHANGED, REJECTED }
}
