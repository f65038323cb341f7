package org.vigie.platform.ingestion;

/**
 * Thrown by a mapping for an entry that is itself incomplete (no date, a value without a unit): the
 * entry is left out with a warning naming its position and id, the rest of the record is stored.
 */
final class Rejected extends RuntimeException {

    Rejected(String reason) {
        super(reason, null, false, false);
    }
}
