package org.vigie.platform.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8, decoding each line strictly: a line that is not valid UTF-8 is reported
 * as such (a Latin-1 file would otherwise be evaluated with garbled text) and the next lines are
 * still read. Lines end with LF or CRLF. A reader may take lines as bytes ({@link #nextBytes}) and
 * decode them elsewhere ({@link #decode}), e.g. on the threads that evaluate them. A line longer than
 * the limit given is reported as too long and skipped without being held in memory.
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

    /** What {@link #nextBytes} answers for a line over the limit: only this array, compared by identity. */
    private static final byte[] TOO_LONG = new byte[0];

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    private final int maxBytes;

    public Utf8Lines(InputStream in) {
        this(in, Integer.MAX_VALUE - 8);
    }

    /** Lines of at most {@code maxBytes} bytes (line end excluded); longer ones come as too long. */
    public Utf8Lines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or {@code null} at the end of the input. */
    public Line next() throws IOException {
        byte[] raw = nextBytes();
        if (raw == null) return null;
        return tooLong(raw) ? new Line(null, true) : new Line(decode(raw));
    }

    /** Whether a line {@link #nextBytes} answered was over the limit (its bytes were not kept). */
    public static boolean tooLong(byte[] line) {
        return line == TOO_LONG;
    }

    /**
     * The next line's bytes without its line end (LF or CRLF), {@link #tooLong} when it is over the
     * limit, or {@code null} at the end of the input.
     */
    public byte[] nextBytes() throws IOException {
        bytes.reset();
        boolean any = false;
        boolean over = false;
        while (true) {
            if (position == limit && !fill()) {
                return !any ? null : over ? TOO_LONG : line();
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') position++;
            // one byte over the limit is kept, for a CR before the LF
            if (!over) bytes.write(buffer, start, position - start);
            if (bytes.size() > maxBytes + 1L) {
                over = true;
                bytes.reset();
            }
            if (position < limit) {
                position++; // the LF
                return over ? TOO_LONG : line();
            }
        }
    }

    private byte[] line() {
        byte[] raw = withoutCr(bytes.toByteArray());
        return raw.length > maxBytes ? TOO_LONG : raw;
    }

    /** A line's text, or {@code null} when its bytes are not UTF-8; safe from any thread. */
    public static String decode(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether a next line can be read without waiting. */
    public boolean ready() throws IOException {
        return position < limit || in.available() > 0;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private static byte[] withoutCr(byte[] raw) {
        if (raw.length == 0 || raw[raw.length - 1] != '\r') return raw;
        return java.util.Arrays.copyOf(raw, raw.length - 1);
    }
}
