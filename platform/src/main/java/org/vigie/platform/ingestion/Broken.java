package org.vigie.platform.ingestion;

/**
 * Thrown by a mapping when the record cannot be a citizen's data (a reference that does not resolve,
 * a fact about another patient): the whole record is rejected, the reason naming the entry.
 */
final class Broken extends RuntimeException {

    Broken(String reason) {
        super(reason, null, false, false);
    }
}
