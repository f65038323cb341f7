package org.vigie.platform.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The FHIR fixtures under {@code src/test/resources/fhir}. */
final class FhirFixtures {

    private FhirFixtures() {
    }

    static String text(String name) {
        try (InputStream in = FhirFixtures.class.getResourceAsStream("/fhir/" + name)) {
            if (in == null) throw new IllegalArgumentException("no FHIR fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
