package org.vigie.platform.ingestion;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A record that was not stored, with why: {@code {"line":N,"error":"..."}} as the {@code evaluate}
 * command reports a line it cannot evaluate; {@code file} names the file when a directory is
 * ingested. For a FHIR bundle, the error lists its problems (at most five), each naming the entry
 * ({@code entry[2] Condition/x: subject refers to Patient/other, ...}), separated by {@code "; "}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RejectedRecord(String file, int line, String error) {

    RejectedRecord(int line, String error) {
        this(null, line, error);
    }

    RejectedRecord in(String name) {
        return new RejectedRecord(name, line, error);
    }
}
