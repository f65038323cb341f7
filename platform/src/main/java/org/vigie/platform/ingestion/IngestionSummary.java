package org.vigie.platform.ingestion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What an ingestion did: records read (blank lines are not records), stored (new citizens and
 * changed ones), unchanged (already stored exactly so: nothing written) and rejected; for FHIR, the
 * incomplete entries left out with a warning, and the entries skipped as unused, counted by resource
 * type and by code system (absent when none).
 */
record IngestionSummary(int read, int stored, int unchanged, int rejected,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int warnings,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> skippedResourceTypes,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> skippedCodeSystems) {

    static final IngestionSummary NONE = new IngestionSummary(0, 0, 0, 0);

    IngestionSummary(int read, int stored, int unchanged, int rejected) {
        this(read, stored, unchanged, rejected, 0, Map.of(), Map.of());
    }

    IngestionSummary add(RecordOutcome outcome) {
        Skips skips = new Skips(skippedResourceTypes, skippedCodeSystems).plus(outcome.skipped());
        return new IngestionSummary(read + 1,
                stored + (outcome.kind() == Outcome.STORED ? 1 : 0),
                unchanged + (outcome.kind() == Outcome.UNCHANGED ? 1 : 0),
                rejected + (outcome.kind() == Outcome.REJECTED ? 1 : 0),
                warnings + outcome.warnings(), skips.resourceTypes(), skips.codeSystems());
    }

    /** Warnings and skips told outside any record (an NDJSON line that belongs to no citizen): nothing is read as a record. */
    IngestionSummary plus(int moreWarnings, Skips skips) {
        Skips all = new Skips(skippedResourceTypes, skippedCodeSystems).plus(skips);
        return new IngestionSummary(read, stored, unchanged, rejected, warnings + moreWarnings, all.resourceTypes(), all.codeSystems());
    }

    IngestionSummary add(Outcome outcome) {
        return add(new RecordOutcome(outcome, 0, Skips.NONE));
    }

    enum Outcome { STORED, UNCHANGED, REJECTED }

    /** What became of one record: its outcome, its warnings and its skips (counted even when rejected: they were read). */
    record RecordOutcome(Outcome kind, int warnings, Skips skipped) {

        static RecordOutcome of(Outcome kind) {
            return new RecordOutcome(kind, 0, Skips.NONE);
        }
    }
}
