package org.vigie.platform.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8, decoding each line strictly: a line that is not valid UTF-8 is reported
 * as such (a Latin-1 file would otherwise be evaluated with garbled text) and the next lines are
 * still read. Lines end with LF or CRLF.
 */
public final class Utf8Lines {

    /** One line of input: its text, or {@code null} when its bytes are not UTF-8. */
    public record Line(String text) {
        public boolean valid() {
            return text != null;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);

    public Utf8Lines(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next line, or {@code null} at the end of the input. */
    public Line next() throws IOException {
        bytes.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            bytes.write(b);
        }
        if (b == -1 && bytes.size() == 0) return null;
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            return new Line(decoder.decode(ByteBuffer.wrap(raw, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return new Line(null);
        }
    }

    /** Whether a next line can be read without waiting. */
    public boolean ready() throws IOException {
        return in.available() > 0;
    }
}
