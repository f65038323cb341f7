package org.vigie.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The snapshot fixtures under {@code src/test/resources/snapshots}, one JSON line each. */
public final class Snapshots {

    private Snapshots() {
    }

    /** The snapshot {@code snapshots/<name>.json} as a single line, without its line end. */
    public static String line(String name) {
        try (InputStream in = Snapshots.class.getResourceAsStream("/snapshots/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no snapshot fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
