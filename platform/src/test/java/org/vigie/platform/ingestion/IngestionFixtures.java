package org.vigie.platform.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inputs for ingestion tests. Every test ingests citizens of its own run (external ids made
 * unique with {@code {{run}}}), since all tests share one database.
 */
final class IngestionFixtures {

    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    /** The INS of the Patient of {@code fhir/woman-1970.bundle.json}. */
    private static final String WOMAN_INS = "270057512345678";

    private IngestionFixtures() {
    }

    /** A fresh run id, digits only (it also stands for an INS). */
    static String run() {
        return Long.toString(RUNS.incrementAndGet());
    }

    /** {@code ingestion/snapshots.jsonl} for this run: good lines 1 and 5; line 2 blank; lines 3, 4 and 6 bad. */
    static String snapshots(String run) {
        return resource("/ingestion/snapshots.jsonl").replace("{{run}}", run);
    }

    /** {@code fhir/woman-1970.bundle.json}, pretty-printed, its Patient's INS being the run id. */
    static String womanBundle(String run) {
        return resource("/fhir/woman-1970.bundle.json").replace(WOMAN_INS, run);
    }

    /** A FHIR fixture on one line, as in an NDJSON file. */
    static String oneLine(String json) {
        return JsonMapper.shared().writeValueAsString(JsonMapper.shared().readTree(json));
    }

    static String fhir(String name) {
        return FhirFixtures.text(name);
    }

    /** The number of rows of every table of the application: what an ingestion that changes nothing leaves as it was. */
    static Map<String, Long> rowCounts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list()
                .forEach(table -> counts.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single()));
        return counts;
    }

    private static String resource(String name) {
        try (InputStream in = IngestionFixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
