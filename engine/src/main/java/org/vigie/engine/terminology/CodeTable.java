package org.vigie.engine.terminology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * How every code table of the rule base is read: a CSV with a header line, blank lines and
 * {@code #} comments skipped, and each error naming the table and the line.
 */
final class CodeTable {

    /** One data line: its number in the file and its cells. */
    interface Row {
        void read(int number, String[] cells);
    }

    private CodeTable() {
    }

    /**
     * Reads {@code source}, whose first data line must start with {@code header} (compared without
     * case), and hands each following line, split into at most {@code cells} cells, to {@code row}.
     */
    static void read(String name, Reader source, String header, int cells, Row row) {
        try (BufferedReader in = new BufferedReader(source)) {
            String line;
            int number = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                if (first) {
                    first = false;
                    if (!trimmed.toLowerCase(Locale.ROOT).startsWith(header)) {
                        throw new IllegalArgumentException(name + ":" + number + ": the header must be " + header + ",label");
                    }
                    continue;
                }
                row.read(number, trimmed.split(",", cells));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
