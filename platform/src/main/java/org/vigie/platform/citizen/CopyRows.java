package org.vigie.platform.citizen;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.copy.CopyManager;

/**
 * Rows waiting to be sent to PostgreSQL with {@code COPY ... FROM STDIN} (text format), one buffer
 * per table, in the order the tables were first written to (parents before children).
 */
final class CopyRows {

    private record Buffer(String statement, StringBuilder rows) {
    }

    private final Map<String, Buffer> tables = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    /** Appends one row; the columns of a table are those of its first row. */
    void add(String table, List<String> columns, List<Object> values) {
        Buffer buffer = tables.computeIfAbsent(table, t -> new Buffer(
                "COPY " + t + " (" + String.join(", ", columns) + ") FROM STDIN", new StringBuilder(1 << 16)));
        StringBuilder row = buffer.rows();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) row.append('\t');
            append(row, values.get(i));
        }
        row.append('\n');
        counts.merge(table, 1L, Long::sum);
    }

    /** Sends every buffered row, table by table, and empties the buffers. */
    void flush(CopyManager copy) throws SQLException, IOException {
        for (Buffer buffer : tables.values()) {
            if (buffer.rows().isEmpty()) continue;
            byte[] bytes = buffer.rows().toString().getBytes(StandardCharsets.UTF_8);
            copy.copyIn(buffer.statement(), new ByteArrayInputStream(bytes));
            buffer.rows().setLength(0);
        }
    }

    /** Rows added per table since this buffer was made. */
    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    private static void append(StringBuilder row, Object value) {
        if (value == null) {
            row.append("\\N");
        } else if (value instanceof Boolean b) {
            row.append(b ? 't' : 'f');
        } else if (value instanceof java.sql.Timestamp t) {
            row.append(t.toInstant());
        } else if (value instanceof Instant i) {
            row.append(i);
        } else if (value instanceof String s) {
            escape(row, s);
        } else {
            row.append(value); // UUID, LocalDate, numbers: no character to escape
        }
    }

    private static void escape(StringBuilder row, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }
}
