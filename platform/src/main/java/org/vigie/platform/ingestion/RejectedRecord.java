package org.vigie.platform.ingestion;

/**
 * A record that was not stored, with why: {@code {"line":N,"error":"..."}} as the {@code evaluate}
 * command reports a line it cannot evaluate. For a FHIR bundle, the error lists its problems, each
 * naming the entry ({@code entry[2] Immunization/x: missing date ...}), separated by {@code "; "}.
 */
record RejectedRecord(int line, String error) {
}
