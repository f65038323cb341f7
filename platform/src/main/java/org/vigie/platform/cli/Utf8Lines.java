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
 * still read. Lines end with LF or CRLF. A line longer than the limit given is reported as too
 * long and skipped without being held in memory.
 */
public final class Utf8Lines {

    /** One line of input: its text, or {@code null} when its bytes are not UTF-8 or it is too long. */
    public record Line(String text, boolean tooLong) {
        public Line(String text) {
            this(text, false);
        }

        public boolean valid() {
            return text != null;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);

    private final int maxBytes;

    public Utf8Lines(InputStream in) {
        this(in, Integer.MAX_VALUE - 8);
    }

    /** Lines of at most {@code maxBytes} bytes (line end excluded); longer ones come as {@link Line#tooLong()}. */
    public Utf8Lines(InputStream in, int maxBytes) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.maxBytes = maxBytes;
    }

    /** The next line, or {@code null} at the end of the input. */
    public Line next() throws IOException {
        bytes.reset();
        int b;
        boolean tooLong = false;
        while ((b = in.read()) != -1 && b != '\n') {
            // one byte over, for a CR before the LF
            if (bytes.size() <= maxBytes) {
                bytes.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b == -1 && bytes.size() == 0) return null;
        byte[] raw = tooLong ? new byte[0] : bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        if (tooLong || length > maxBytes) {
            bytes.reset();
            return new Line(null, true);
        }
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
