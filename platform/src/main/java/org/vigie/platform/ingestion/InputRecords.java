package org.vigie.platform.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.vigie.platform.cli.Utf8Lines;

/**
 * Splits an input into records: one per non-blank line (JSON Lines, NDJSON), a UTF-8 byte order mark
 * at the start ignored. For FHIR only, a first record that is not a complete JSON value on its line
 * (a pretty-printed Bundle, starting with a lone <code>{</code>) makes the whole input one record.
 */
final class InputRecords {

    private InputRecords() {
    }

    static void read(InputStream in, IngestionFormat format, Consumer<InputRecord> each) {
        try {
            Utf8Lines lines = new Utf8Lines(in);
            int number = 0;
            boolean first = true;
            Utf8Lines.Line line;
            while ((line = lines.next()) != null) {
                number++;
                String text = line.text();
                if (number == 1 && text != null && text.startsWith("\uFEFF")) text = text.substring(1);
                if (text != null && text.isBlank()) continue;
                if (first && format == IngestionFormat.FHIR && text != null && !completeJson(text)) {
                    each.accept(rest(number, text, lines));
                    return;
                }
                first = false;
                each.accept(new InputRecord(number, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputRecord rest(int number, String first, Utf8Lines lines) throws IOException {
        StringBuilder text = new StringBuilder(first);
        boolean utf8 = true;
        Utf8Lines.Line line;
        while ((line = lines.next()) != null) {
            if (line.valid()) text.append('\n').append(line.text());
            else utf8 = false;
        }
        return new InputRecord(number, utf8 ? text.toString() : null);
    }

    /** Whether every object and array opened on this line is closed on it (strings and escapes respected). */
    static boolean completeJson(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return depth <= 0 && !inString;
    }
}
