package org.vigie.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {

    @Test
    void readsLinesEndingWithLfOrCrlfAndALastLineWithoutEnd() throws IOException {
        assertThat(read("a\r\nb\n\nc".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "b", "", "c");
        assertThat(read("a\n".getBytes(StandardCharsets.UTF_8))).containsExactly("a");
        assertThat(read(new byte[0])).isEmpty();
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String longLine = "é".repeat(100_000); // 200,000 bytes, a multi-byte character across buffer ends
        byte[] input = (longLine + "\r\nshort\n" + longLine).getBytes(StandardCharsets.UTF_8);

        assertThat(read(input)).containsExactly(longLine, "short", longLine);
    }

    @Test
    void reportsALineThatIsNotUtf8AndReadsTheNext() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write("Éloïse\n".getBytes(StandardCharsets.ISO_8859_1));
        input.write("Éloïse\n".getBytes(StandardCharsets.UTF_8));

        assertThat(read(input.toByteArray())).containsExactly(null, "Éloïse");
    }

    private static List<String> read(byte[] input) throws IOException {
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(input));
        List<String> texts = new ArrayList<>();
        for (Utf8Lines.Line line; (line = lines.next()) != null; ) texts.add(line.text());
        return texts;
    }
}
