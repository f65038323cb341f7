package org.vigie.platform.ingestion;

import java.util.Locale;
import java.util.Optional;

/** What an ingested file holds: the contract's snapshots, or FHIR R4 Bundles. */
enum IngestionFormat {
    /** JSON Lines, one contract snapshot per line; its {@code citizenId} is the external id. */
    JSONL,
    /** One FHIR R4 Bundle per line (NDJSON), or a single Bundle written over several lines. */
    FHIR,
    /** FHIR Bulk Data NDJSON, as {@code $export} writes it: one resource of any type per line, grouped into citizens by Patient reference. */
    FHIR_NDJSON;

    /** The format named on the command line ({@code jsonl}, {@code fhir}, {@code fhir-ndjson}). */
    static Optional<IngestionFormat> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            case "fhir" -> Optional.of(FHIR);
            case "fhir-ndjson", "fhir-bulk" -> Optional.of(FHIR_NDJSON);
            default -> Optional.empty();
        };
    }
}
