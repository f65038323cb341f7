package org.vigie.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigie.engine.evaluation.Suppression;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.engine.json.StrictJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scenario file, {@code scenarios/<KEY>.yaml}: the cases of one recommendation key. The file is
 * read as strictly as the contract: an unknown field, a key the rule set does not know or a case
 * that does not say anything about the file's key is an error naming the file and the case.
 *
 * <pre>
 * cases:
 *   - name: woman on her 50th birthday, no mammography
 *     on: 2026-03-16
 *     citizen: {birthDate: 1976-03-16, sex: F}
 *     must: [SCREEN_BREAST]
 *     expect:
 *       SCREEN_BREAST: {rule: BreastScreeningFirst, dueFrom: 2026-03-16, dueBy: 2051-03-15}
 * </pre>
 */
record ScenarioFile(String key, Path path, List<Scenario> cases) {

    private static final Set<String> CASE_FIELDS =
            Set.of("name", "on", "citizenId", "citizen", "must", "mustNot", "expect", "suppressed", "pending");
    private static final Set<String> EXPECT_FIELDS = Set.of("rule", "dueFrom", "dueBy", "dataUsed", "plannedOn");

    static ScenarioFile read(Path path, Set<String> knownKeys) {
        String file = path.getFileName().toString();
        String key = file.replaceFirst("\\.yaml$", "");
        if (!knownKeys.contains(key)) {
            throw new IllegalArgumentException(file + ": the file name must be a key of the rule set, one of " + knownKeys);
        }
        JsonNode root;
        try {
            root = StrictJson.YAML.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("cases").isArray()) {
            throw new IllegalArgumentException(file + ": expected a single field 'cases' holding a list");
        }
        List<Scenario> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode node : root.get("cases")) {
            String where = file + ": cases[" + index++ + "]";
            Scenario scenario = readCase(where, node, key, knownKeys);
            if (!names.add(scenario.name())) {
                throw new IllegalArgumentException(where + ": the name '" + scenario.name() + "' is used twice");
            }
            cases.add(scenario);
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(file + ": has no case");
        }
        return new ScenarioFile(key, path, cases);
    }

    private static Scenario readCase(String where, JsonNode node, String fileKey, Set<String> knownKeys) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": a case is an object");
        }
        for (String field : node.propertyNames()) {
            if (!CASE_FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field '" + field + "', expected one of " + CASE_FIELDS);
            }
        }
        String name = text(node, "name", where);
        where = where + " '" + name + "'";
        ObjectNode snapshot = StrictJson.JSON.createObjectNode();
        snapshot.put("citizenId", name);
        if (node.has("on")) snapshot.set("on", node.get("on"));
        snapshot.set("citizen", node.get("citizen"));
        Snapshot parsed;
        try {
            parsed = SnapshotJson.read(StrictJson.JSON.writeValueAsString(snapshot));
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(where + ": not a valid snapshot: " + e.getMessage(), e);
        }
        if (parsed.on() == null) {
            throw new IllegalArgumentException(where + ": 'on' is required (a scenario never depends on today)");
        }
        List<String> must = keys(node, "must", where, knownKeys);
        List<String> mustNot = keys(node, "mustNot", where, knownKeys);
        if (!must.contains(fileKey) && !mustNot.contains(fileKey)) {
            throw new IllegalArgumentException(where + ": must say whether " + fileKey + " comes out (must or mustNot)");
        }
        for (String k : must) {
            if (mustNot.contains(k)) throw new IllegalArgumentException(where + ": " + k + " is in both must and mustNot");
        }
        Map<String, Scenario.Expectation> expect = new LinkedHashMap<>();
        JsonNode expectNode = node.path("expect");
        if (!expectNode.isMissingNode()) {
            for (Map.Entry<String, JsonNode> e : expectNode.properties()) {
                if (!must.contains(e.getKey())) {
                    throw new IllegalArgumentException(where + ": expect." + e.getKey() + " is not in must");
                }
                expect.put(e.getKey(), expectation(where + ": expect." + e.getKey(), e.getValue()));
            }
        }
        Suppression suppressed = null;
        if (node.has("suppressed")) {
            try {
                suppressed = Suppression.valueOf(text(node, "suppressed", where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": suppressed must be one of " + List.of(Suppression.values()));
            }
            if (!must.isEmpty()) throw new IllegalArgumentException(where + ": a suppressed citizen has no recommendation");
        }
        String pending = node.has("pending") ? text(node, "pending", where) : null;
        return new Scenario(name, parsed, must, mustNot, expect, suppressed, pending);
    }

    private static Scenario.Expectation expectation(String where, JsonNode node) {
        if (!node.isObject()) throw new IllegalArgumentException(where + ": expected an object");
        for (String field : node.propertyNames()) {
            if (!EXPECT_FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field '" + field + "', expected one of " + EXPECT_FIELDS);
            }
        }
        List<DataCategory> dataUsed = null;
        if (node.has("dataUsed")) {
            dataUsed = new ArrayList<>();
            for (JsonNode c : node.get("dataUsed")) {
                try {
                    dataUsed.add(DataCategory.valueOf(c.asString()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".dataUsed: unknown category '" + c.asString() + "'");
                }
            }
        }
        return new Scenario.Expectation(
                node.has("rule") ? text(node, "rule", where) : null,
                date(node, "dueFrom", where),
                node.has("dueBy"),
                date(node, "dueBy", where),
                dataUsed,
                node.has("plannedOn"),
                date(node, "plannedOn", where));
    }

    private static List<String> keys(JsonNode node, String field, String where, Set<String> knownKeys) {
        JsonNode list = node.path(field);
        if (list.isMissingNode()) return List.of();
        if (!list.isArray()) throw new IllegalArgumentException(where + ": " + field + " must be a list of keys");
        List<String> keys = new ArrayList<>();
        for (JsonNode k : list) {
            String key = k.asString();
            if (!knownKeys.contains(key)) {
                throw new IllegalArgumentException(where + ": " + field + " names '" + key
                        + "', which is not a key of the rule set " + knownKeys);
            }
            keys.add(key);
        }
        return keys;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty string");
        }
        return value.asString();
    }

    private static LocalDate date(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        try {
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + field + ": '" + value.asString() + "' is not a date (YYYY-MM-DD)");
        }
    }
}
