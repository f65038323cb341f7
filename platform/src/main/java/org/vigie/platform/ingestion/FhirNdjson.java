package org.vigie.platform.ingestion;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vigie.platform.citizen.Actor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data NDJSON (what {@code $export} writes: one resource per line, of any type, often one
 * file per type) grouped into citizens and stored through the same path as a Bundle: each citizen's
 * resources become one collection Bundle in memory, handed to {@link Ingestion} (so mapping, skips,
 * warnings, rejections and idempotence are the Bundle's).
 *
 * <p>Memory stays bounded whatever the export's size: a first pass streams every line into one of N
 * temporary spill files chosen by a hash of its patient id (N from the input size, so that a spill
 * file is a few tens of MB); then each spill file is read and grouped in memory, patient by patient.
 * A line that is not a JSON object, or a resource Vigie reads with no Patient reference, is a warning
 * naming its file and line; a resource type Vigie does not read and that names no patient
 * (Organization, Practitioner, Location) is skipped and counted. A {@code Medication} names no patient
 * either: medications are kept in memory by id (a catalogue, small) and added to the Bundle of every
 * citizen whose requests or statements refer to them.
 */
final class FhirNdjson {

    /** The spill files aim at this size: a spill file is grouped in memory. */
    static final long BUCKET_BYTES = 32L * 1024 * 1024;
    private static final int MAX_BUCKETS = 1024;
    private static final int UNKNOWN_SIZE_BUCKETS = 256;
    /** The id part of a Patient reference: relative, absolute or versioned ({@code Patient/123/_history/2}). */
    private static final Pattern PATIENT = Pattern.compile("(?:^|/)Patient/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$");
    private static final Pattern MEDICATION = Pattern.compile("(?:^|/)Medication/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    /** The resource types whose facts Vigie reads: one of these without a patient is a warning, not a silent skip. */
    private static final Set<String> READ = Set.of("Condition", "MedicationStatement", "MedicationRequest", "Immunization",
            "Procedure", "Observation", "Appointment", "DocumentReference");
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** One input of the export: its name in the report ({@code null} for a single unnamed input), its size (-1 unknown) and how to open it. */
    record Source(String name, long size, Opener opener) {
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** Hooks for {@code --progress}: bytes read in each pass, and each citizen done. */
    interface Progress {
        Progress NONE = new Progress() {
        };

        default InputStream grouping(InputStream in) {
            return in;
        }

        default void grouped(long resources, long spilledChars) {
        }

        /** A citizen stored (or not), with the bytes of its spilled lines: the second pass's measure of progress. */
        default void citizenDone(IngestionSummary summary, long bytes) {
        }
    }

    private final Ingestion ingestion;

    FhirNdjson(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    /** Ingests the export, telling {@code listener} each citizen not stored and each warning, with its file and line. */
    IngestionSummary ingest(List<Source> sources, Actor actor, String source, Ingestion.Listener listener, Progress progress) {
        long total = sources.stream().mapToLong(Source::size).sum();
        boolean unknown = sources.stream().anyMatch(s -> s.size() < 0);
        // stdin: size unknown, enough spill files for a few GB
        int buckets = unknown ? UNKNOWN_SIZE_BUCKETS : (int) Math.max(1, Math.min(MAX_BUCKETS, total / BUCKET_BYTES + 1));
        Path spill = null;
        try {
            spill = Files.createTempDirectory("vigie-ndjson-");
            Grouping grouping = new Grouping(spill, buckets, listener);
            try {
                for (int f = 0; f < sources.size(); f++) {
                    try (InputStream in = progress.grouping(sources.get(f).opener().open())) {
                        grouping.read(f, sources.get(f).name(), in);
                    }
                }
            } finally {
                grouping.close();
            }
            progress.grouped(grouping.resources, grouping.spilled);
            IngestionSummary summary = IngestionSummary.NONE.plus(grouping.warnings, grouping.skips());
            for (int b = 0; b < buckets; b++) {
                summary = storeBucket(grouping.bucket(b), sources, grouping.medications, actor, source, listener, progress, summary);
                Files.delete(grouping.bucket(b));
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spill != null) deleteQuietly(spill);
        }
    }

    /** One resource line as spilled: where it came from, its citizen, the medication it refers to, and its JSON. */
    private record Line(int file, int line, String resourceType, String patient, String medication, String json) {

        String spilled() {
            return file + "\t" + line + "\t" + resourceType + "\t" + patient + "\t" + medication + "\t" + json + "\n";
        }

        static Line of(String spilled) {
            String[] p = spilled.split("\t", 6);
            return new Line(Integer.parseInt(p[0]), Integer.parseInt(p[1]), p[2], p[3], p[4], p[5]);
        }
    }

    /** The first pass: every line to the spill file of its citizen. */
    private static final class Grouping {
        private final Path dir;
        private final Writer[] writers;
        private final Ingestion.Listener listener;
        private final Map<String, String> medications = new LinkedHashMap<>();
        private final Map<String, Integer> skippedTypes = new TreeMap<>();
        private int warnings;
        private long resources;
        /** The characters of the resources spilled, the measure of the second pass. */
        private long spilled;

        Grouping(Path dir, int buckets, Ingestion.Listener listener) throws IOException {
            this.dir = dir;
            this.listener = listener;
            this.writers = new Writer[buckets];
            for (int b = 0; b < buckets; b++) {
                writers[b] = new BufferedWriter(Files.newBufferedWriter(bucket(b), StandardCharsets.UTF_8), 64 * 1024);
            }
        }

        Path bucket(int b) {
            return dir.resolve("bucket-" + b + ".tsv");
        }

        Skips skips() {
            return new Skips(skippedTypes, Map.of());
        }

        void read(int file, String name, InputStream in) {
            InputRecords.read(in, IngestionFormat.JSONL, record -> {
                try {
                    line(file, name, record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        private void line(int file, String name, InputRecord record) throws IOException {
            if (record.text() == null) {
                warn(name, record.line(), "the line is not valid UTF-8");
                return;
            }
            JsonNode resource;
            try {
                resource = JSON.readTree(record.text());
            } catch (JacksonException e) {
                warn(name, record.line(), "the line is not one JSON value: " + e.getOriginalMessage());
                return;
            }
            if (resource == null || !resource.isObject() || !resource.path("resourceType").isString()) {
                warn(name, record.line(), "resourceType: the line is not a FHIR resource");
                return;
            }
            String type = resource.path("resourceType").asString();
            if (!TYPE.matcher(type).matches()) {
                warn(name, record.line(), "resourceType: '" + shortened(type) + "' is not a FHIR resource type");
                return;
            }
            resources++;
            String id = resource.path("id").isString() ? resource.path("id").asString() : "";
            String named = type + (id.isEmpty() ? "" : "/" + id);
            if (type.equals("Medication")) {
                if (ID.matcher(id).matches()) medications.put(id, record.text());
                else warn(name, record.line(), named + ": id: a Medication needs an id to be referred to");
                return;
            }
            String patient;
            if (type.equals("Patient")) {
                if (!ID.matcher(id).matches()) {
                    warn(name, record.line(), named + ": id: a Patient needs a FHIR id to be grouped with its resources");
                    return;
                }
                patient = id;
            } else {
                String reference = patientReference(resource);
                if (reference == null) {
                    if (READ.contains(type)) {
                        warn(name, record.line(), named + ": subject: no Patient reference, the resource belongs to no citizen");
                    } else {
                        skippedTypes.merge(type, 1, Integer::sum);
                    }
                    return;
                }
                Matcher m = PATIENT.matcher(reference);
                if (!m.find()) {
                    warn(name, record.line(), named + ": subject: '" + shortened(reference) + "' is not a Patient reference");
                    return;
                }
                patient = m.group(1);
            }
            String medication = "";
            String ref = resource.path("medicationReference").path("reference").asString("");
            Matcher mm = MEDICATION.matcher(ref);
            if (mm.find()) medication = mm.group(1);
            // a raw CR can only be whitespace between tokens here (the parser refuses one in a string); the spill is read by lines
            Line line = new Line(file, record.line(), type, patient, medication, record.text().replace('\r', ' '));
            writers[Math.floorMod(patient.hashCode(), writers.length)].write(line.spilled());
            spilled += record.text().length() + 1;
        }

        private void warn(String name, int line, String warning) {
            warnings++;
            listener.warned(new RecordWarning(name, line, warning));
        }

        void close() throws IOException {
            for (Writer w : writers) if (w != null) w.close();
        }
    }

    /** The patient a resource is about: {@code subject}, {@code patient}, or a Patient among an Appointment's participants. */
    static String patientReference(JsonNode resource) {
        for (String field : List.of("subject", "patient", "beneficiary")) {
            String reference = resource.path(field).path("reference").asString("");
            if (!reference.isEmpty()) return reference;
        }
        for (JsonNode participant : resource.path("participant")) {
            String reference = participant.path("actor").path("reference").asString("");
            if (PATIENT.matcher(reference).find()) return reference;
        }
        return null;
    }

    private IngestionSummary storeBucket(Path bucket, List<Source> sources, Map<String, String> medications, Actor actor,
                                         String source, Ingestion.Listener listener, Progress progress, IngestionSummary start)
            throws IOException {
        Map<String, List<Line>> citizens = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(bucket), StandardCharsets.UTF_8),
                64 * 1024)) {
            String text;
            while ((text = reader.readLine()) != null) {
                Line line = Line.of(text);
                citizens.computeIfAbsent(line.patient(), p -> new ArrayList<>()).add(line);
            }
        }
        IngestionSummary summary = start;
        for (Map.Entry<String, List<Line>> citizen : citizens.entrySet()) {
            summary = summary.add(store(citizen.getKey(), citizen.getValue(), sources, medications, actor, source, listener));
            progress.citizenDone(summary, citizen.getValue().stream().mapToLong(l -> l.json().length() + 1).sum());
        }
        return summary;
    }

    private IngestionSummary.RecordOutcome store(String patient, List<Line> lines, List<Source> sources, Map<String, String> medications,
                                                 Actor actor, String source, Ingestion.Listener listener) {
        List<Line> patients = lines.stream().filter(l -> l.resourceType().equals("Patient")).toList();
        Line first = patients.isEmpty() ? lines.get(0) : patients.get(0);
        String file = sources.get(first.file()).name();
        Ingestion.Listener located = new Ingestion.Listener() {
            @Override
            public void rejected(RejectedRecord record) {
                listener.rejected(record.in(file));
            }

            @Override
            public void warned(RecordWarning warning) {
                listener.warned(warning.in(file));
            }
        };
        if (patients.isEmpty()) {
            located.rejected(new RejectedRecord(first.line(), "subject: Patient/" + patient + " is referred to by " + lines.size()
                    + " resources but no Patient resource has that id"));
            return IngestionSummary.RecordOutcome.of(IngestionSummary.Outcome.REJECTED);
        }
        // the Patient first, then the resources in the order of the export; the medications they refer to last
        StringBuilder bundle = new StringBuilder(lines.stream().mapToInt(l -> l.json().length() + 16).sum() + 64);
        bundle.append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        Stream.concat(patients.stream(), lines.stream().filter(l -> !l.resourceType().equals("Patient")))
                .forEach(l -> entry(bundle, l.json()));
        Set<String> referred = new LinkedHashSet<>();
        lines.forEach(l -> {
            if (!l.medication().isEmpty()) referred.add(l.medication());
        });
        referred.stream().map(medications::get).filter(m -> m != null).forEach(m -> entry(bundle, m));
        bundle.append("]}");
        String why = source + (file == null ? "" : " " + file);
        return ingestion.ingest(IngestionFormat.FHIR, new InputRecord(first.line(), bundle.toString()), actor, why, located);
    }

    private static void entry(StringBuilder bundle, String json) {
        if (bundle.charAt(bundle.length() - 1) != '[') bundle.append(',');
        bundle.append("{\"resource\":").append(json).append('}');
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: the system cleans it
        }
    }
}
