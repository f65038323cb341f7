package org.vigie.platform.ingestion;

/** Thrown by a mapping to reject the entry it maps; the bundle reader reports it with the entry's position. */
final class Rejected extends RuntimeException {

    Rejected(String reason) {
        super(reason, null, false, false);
    }
}
