package org.vigie.platform.ingestion;

/**
 * Thrown by a mapping for an entry Vigie does not use: its codes are in a system Vigie does not read,
 * or a code the tables do not know. Not a problem: the entry is counted under {@code system} and
 * left out, the rest of the record is stored.
 */
final class Skipped extends RuntimeException {

    private final String system;

    Skipped(String system) {
        super(system, null, false, false);
        this.system = system;
    }

    String system() {
        return system;
    }
}
