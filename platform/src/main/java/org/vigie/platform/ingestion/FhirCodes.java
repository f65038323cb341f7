package org.vigie.platform.ingestion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.DocumentType;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Vaccine;
import org.vigie.engine.terminology.Crosswalk;

/**
 * The FHIR code tables of the rule base's terminology ({@code vigie/terminology/} in the rules module):
 * vaccine codes (ATC by prefix, CVX exact), LOINC measure and document-type codes, and the SNOMED CT
 * and RxNorm crosswalks to ICD-10, act kinds and ATC. A broken line fails with the file and line number.
 */
final class FhirCodes {

    record MeasureCode(MeasureKind kind, String unit) {
    }

    static final String VACCINES = "vigie/terminology/vaccines.csv";
    static final String LOINC = "vigie/terminology/loinc.csv";
    static final String SNOMED_CT = "vigie/terminology/snomed-ct.csv";
    static final String RXNORM = "vigie/terminology/rxnorm.csv";

    private final Map<String, Vaccine> atcVaccines = new HashMap<>();
    private Crosswalk snomed;
    private Crosswalk rxnorm;
    private final Map<String, Vaccine> cvxVaccines = new HashMap<>();
    private final Map<String, MeasureCode> measures = new HashMap<>();
    private final Map<String, DocumentType> documents = new HashMap<>();
    private final Map<String, ActKind> acts = new HashMap<>();

    static FhirCodes load() {
        FhirCodes codes = new FhirCodes();
        read(VACCINES, 3, (where, cells) -> {
            Vaccine vaccine = valueOf(Vaccine.class, cells[2], where);
            switch (cells[0]) {
                case "ATC" -> codes.atcVaccines.put(normalise(cells[1]), vaccine);
                case "CVX" -> codes.cvxVaccines.put(cvx(cells[1]), vaccine);
                default -> throw new IllegalStateException(where + "unknown system '" + cells[0] + "' (ATC, CVX)");
            }
        });
        read(LOINC, 4, (where, cells) -> {
            switch (cells[1]) {
                case "MEASURE" -> codes.measures.put(cells[0], new MeasureCode(valueOf(MeasureKind.class, cells[2], where), cells[3]));
                case "DOCUMENT" -> codes.documents.put(cells[0], valueOf(DocumentType.class, cells[2], where));
                case "ACT" -> codes.acts.put(cells[0], valueOf(ActKind.class, cells[2], where));
                default -> throw new IllegalStateException(where + "unknown target '" + cells[1] + "' (MEASURE, DOCUMENT, ACT)");
            }
        });
        codes.snomed = crosswalk(SNOMED_CT);
        codes.rxnorm = crosswalk(RXNORM);
        return codes;
    }

    Crosswalk snomed() {
        return snomed;
    }

    Crosswalk rxnorm() {
        return rxnorm;
    }

    static Crosswalk crosswalk(String resource) {
        InputStream in = FhirCodes.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException(resource + ": not on the class path");
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Crosswalk.read(resource, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read", e);
        }
    }

    /** The vaccine of an ATC code: the longest class in the table the code starts with. */
    Vaccine atcVaccine(String code) {
        String c = normalise(code);
        for (int len = c.length(); len > 0; len--) {
            Vaccine v = atcVaccines.get(c.substring(0, len));
            if (v != null) return v;
        }
        return null;
    }

    Vaccine cvxVaccine(String code) {
        return cvxVaccines.get(cvx(code));
    }

    MeasureCode measure(String loinc) {
        return measures.get(loinc.strip());
    }

    /** The act an observation of this LOINC code shows was done (a FIT result: a FIT was done). */
    ActKind act(String loinc) {
        return acts.get(loinc.strip());
    }

    DocumentType document(String loinc) {
        return documents.get(loinc.strip());
    }

    private static void read(String resource, int columns, BiConsumer<String, String[]> line) {
        InputStream in = FhirCodes.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException(resource + ": not on the class path");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            boolean header = true;
            while ((text = reader.readLine()) != null) {
                number++;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = trimmed.split(",", columns + 1);
                if (cells.length < columns) {
                    throw new IllegalStateException(resource + ":" + number + ": expected " + columns + " columns and a label");
                }
                for (int i = 0; i < columns; i++) cells[i] = cells[i].strip();
                line.accept(resource + ":" + number + ": ", cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read", e);
        }
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String name, String where) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + "'" + name + "' is not a " + type.getSimpleName());
        }
    }

    private static String normalise(String code) {
        return code.replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** CVX codes are written with or without leading zeros ("03" and "3"). */
    private static String cvx(String code) {
        String c = code.strip().replaceFirst("^0+(?=.)", "");
        return c;
    }
}
