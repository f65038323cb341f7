package org.vigie.platform.ingestion;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entry left out of a stored record because it is incomplete: {@code {"line":N,"warning":"..."}},
 * the warning naming the entry ({@code entry[12] Observation/bp-3: missing unit: ...}); {@code file}
 * names the file when a directory is ingested.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecordWarning(String file, int line, String warning) {

    RecordWarning(int line, String warning) {
        this(null, line, warning);
    }

    RecordWarning in(String name) {
        return new RecordWarning(name, line, warning);
    }
}
