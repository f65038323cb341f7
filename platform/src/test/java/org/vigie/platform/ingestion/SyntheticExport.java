package org.vigie.platform.ingestion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR Bulk Data export ({@code $export}) of the same people as {@link SyntheticRecords}' Bundles:
 * every entry's resource on its own line, in one list per resource type, the lines of all the people
 * shuffled together, and the Bundle's {@code urn:uuid:} references rewritten to the {@code Type/id}
 * form an export uses. A tool as well: {@code SyntheticExport COUNT DIR [SEED]} writes an export of
 * {@code COUNT} people into {@code DIR} (docs/operations.md).
 */
final class SyntheticExport {

    private static final Pattern UUID_REFERENCE = Pattern.compile("\"urn:uuid:([^\"]+)\"");

    private SyntheticExport() {
    }

    /** The lines of each resource type ({@code Patient} → its lines), shuffled across people with {@code seed}. */
    static Map<String, List<String>> of(List<String> bundles, long seed) {
        Map<String, List<String>> byType = new TreeMap<>();
        for (String bundle : bundles) {
            lines(bundle).forEach((type, lines) -> byType.computeIfAbsent(type, t -> new ArrayList<>()).addAll(lines));
        }
        Random random = new Random(seed);
        byType.values().forEach(lines -> Collections.shuffle(lines, random));
        return byType;
    }

    private static Map<String, List<String>> lines(String bundle) {
        JsonNode entries = JsonMapper.shared().readTree(bundle).path("entry");
        Map<String, String> references = new HashMap<>();
        for (JsonNode entry : entries) {
            String url = entry.path("fullUrl").asString("");
            JsonNode resource = entry.path("resource");
            if (url.startsWith("urn:uuid:")) {
                references.put(url.substring("urn:uuid:".length()),
                        resource.path("resourceType").asString() + "/" + resource.path("id").asString());
            }
        }
        Map<String, List<String>> byType = new TreeMap<>();
        for (JsonNode entry : entries) {
            JsonNode resource = entry.path("resource");
            Matcher m = UUID_REFERENCE.matcher(JsonMapper.shared().writeValueAsString(resource));
            StringBuilder line = new StringBuilder();
            while (m.find()) {
                String to = references.get(m.group(1));
                m.appendReplacement(line, Matcher.quoteReplacement(to == null ? m.group() : "\"" + to + "\""));
            }
            m.appendTail(line);
            byType.computeIfAbsent(resource.path("resourceType").asString(), t -> new ArrayList<>()).add(line.toString());
        }
        return byType;
    }

    /**
     * Writes the export of {@code COUNT} people into {@code DIR}, one {@code Type.ndjson} file per
     * resource type, appending batches of people so that memory stays small: {@code SyntheticExport COUNT DIR [SEED]}.
     */
    public static void main(String[] args) throws java.io.IOException {
        int count = Integer.parseInt(args[0]);
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[1]));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 11;
        Map<String, java.io.Writer> files = new TreeMap<>();
        int batch = 500;
        for (int start = 0; start < count; start += batch) {
            List<String> bundles = SyntheticRecords.population(Math.min(batch, count - start), seed + start);
            for (Map.Entry<String, List<String>> type : of(bundles, seed + start).entrySet()) {
                java.io.Writer w = files.computeIfAbsent(type.getKey(), t -> {
                    try {
                        return java.nio.file.Files.newBufferedWriter(dir.resolve(t + ".ndjson"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                for (String line : type.getValue()) w.write(line + "\n");
            }
        }
        for (java.io.Writer w : files.values()) w.close();
    }
}
