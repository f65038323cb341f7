package org.vigie.engine.json.corpus;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigie.engine.fact.Snapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated corpus of snapshots that break the evaluation contract. It walks the contract's
 * record types from {@link Snapshot} (so a field added to a fact is covered without editing this),
 * builds one valid snapshot with every field set, then breaks one field at a time with every
 * mutation that fits the field's type: wrong JSON types, empty, NUL (escaped and raw), a lone
 * surrogate, a huge value, padded and date-time dates, dates out of range or beyond year 9999,
 * fractional, negative, zero, infinite or absurd numbers, unknown values, a duplicate key, a
 * misspelt sibling; and a few mutations across fields (a pregnancy for a man, a birth after the
 * reference date).
 *
 * <p>Shared as the engine's test-jar: platform tests run the same corpus through the command line
 * and the HTTP API.
 */
public final class BadSnapshots {

    /** The reference date of the valid snapshot. */
    public static final LocalDate ON = LocalDate.of(2026, 3, 16);

    private static final JsonMapper MAPPER = JsonMapper.shared();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "@@RAW@@";
    private static final String DUPLICATE = "@@DUPLICATE@@";
    private static final String HUGE = "A".repeat(100_000);

    /** What a field holds, which decides the mutations that fit it. */
    public enum Shape { TEXT, DATE, ENUM, DECIMAL, WHOLE, FLAG, LIST, MAP, OBJECT }

    /** A field of the contract: where it is in the valid snapshot and what it holds. */
    public record Field(String path, List<Object> segments, Shape shape, Class<?> type) {
        String name() {
            return (String) segments.get(segments.size() - 1);
        }

        String parent() {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? "" : path.substring(0, dot);
        }
    }

    private final ObjectNode valid;
    private final List<Field> fields = new ArrayList<>();

    private BadSnapshots() {
        valid = object(Snapshot.class, "", List.of());
    }

    /** The valid snapshot every bad one is made from: every field of the contract is set. */
    public static String valid() {
        return MAPPER.writeValueAsString(new BadSnapshots().valid);
    }

    /** Every field of the contract, as walked from {@link Snapshot}. */
    public static List<Field> fields() {
        return List.copyOf(new BadSnapshots().fields);
    }

    /** The whole corpus, in a stable order. */
    public static List<BadSnapshot> all() {
        BadSnapshots corpus = new BadSnapshots();
        List<BadSnapshot> all = new ArrayList<>();
        for (Field field : corpus.fields) {
            for (String[] m : corpus.mutations(field)) {
                all.add(new BadSnapshot(field.path() + ": " + m[0], field.path(), corpus.replaced(field, m[1])));
            }
            if (!corpus.isMapEntry(field)) {
                all.add(new BadSnapshot(field.path() + ": twice", field.path(), corpus.duplicated(field)));
                String typo = (field.parent().isEmpty() ? "" : field.parent() + ".") + field.name() + "x";
                all.add(new BadSnapshot(field.path() + ": misspelt as " + field.name() + "x", typo, corpus.misspelt(field)));
            }
        }
        all.addAll(corpus.acrossFields());
        return all;
    }

    // ---- the valid snapshot, built from the record types

    private ObjectNode object(Class<?> type, String path, List<Object> segments) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.getAccessor().isAnnotationPresent(JsonIgnore.class)) continue;
            String name = rc.getName();
            String childPath = path.isEmpty() ? name : path + "." + name;
            List<Object> childSegments = append(segments, name);
            node.set(name, value(type, rc.getType(), rc.getGenericType(), name, childPath, childSegments));
        }
        return node;
    }

    private JsonNode value(Class<?> owner, Class<?> type, Type generic, String name, String path, List<Object> segments) {
        if (type == String.class) {
            fields.add(new Field(path, segments, Shape.TEXT, type));
            return NODES.stringNode(name.equals("citizenId") ? "c-1" : "Z00.1");
        }
        if (type == LocalDate.class) {
            fields.add(new Field(path, segments, Shape.DATE, type));
            return NODES.stringNode(switch (name) {
                case "on" -> ON.toString();
                case "birthDate" -> "1970-01-01";
                default -> ON.minusWeeks(10).toString();
            });
        }
        if (type.isEnum()) {
            fields.add(new Field(path, segments, Shape.ENUM, type));
            return NODES.stringNode(name.equals("sex") ? "F" : type.getEnumConstants()[0].toString());
        }
        if (type == Double.class || type == double.class) {
            fields.add(new Field(path, segments, Shape.DECIMAL, type));
            return NODES.numberNode(70.0); // a weight: the first kind of measure
        }
        if (type == Integer.class || type == int.class) {
            fields.add(new Field(path, segments, Shape.WHOLE, type));
            return NODES.numberNode(50);
        }
        if (type == Boolean.class || type == boolean.class) {
            fields.add(new Field(path, segments, Shape.FLAG, type));
            return NODES.booleanNode(false);
        }
        if (List.class.isAssignableFrom(type)) {
            fields.add(new Field(path, segments, Shape.LIST, type));
            Class<?> element = argument(generic, 0);
            ArrayNode list = NODES.arrayNode();
            // two elements, the second one walked: paths must say which element is at fault
            list.add(object(element, path + "[0]", append(segments, 0)));
            int before = fields.size();
            list.add(object(element, path + "[1]", append(segments, 1)));
            fields.subList(0, before).removeIf(f -> f.path().startsWith(path + "[0]"));
            return list;
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            fields.add(new Field(path, segments, Shape.MAP, type));
            Class<?> key = argument(generic, 0);
            Class<?> value = argument(generic, 1);
            ObjectNode map = NODES.objectNode();
            String first = key.getEnumConstants()[0].toString();
            map.set(first, value(owner, value, value, first, path + "." + first, append(segments, first)));
            return map;
        }
        if (type.isRecord()) {
            fields.add(new Field(path, segments, Shape.OBJECT, type));
            return object(type, path, segments);
        }
        throw new IllegalStateException("the corpus does not know how to fill " + path + " (" + type + "): teach it");
    }

    private static Class<?> argument(Type generic, int i) {
        return (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[i];
    }

    private static List<Object> append(List<Object> segments, Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return List.copyOf(longer);
    }

    // ---- mutations

    /** Pairs of (what, raw JSON text of the replacing value). */
    private List<String[]> mutations(Field field) {
        List<String[]> m = new ArrayList<>();
        switch (field.shape()) {
            case TEXT -> {
                m.add(new String[] {"a number", "7"});
                m.add(new String[] {"a boolean", "true"});
                m.add(new String[] {"an object", "{}"});
                m.add(new String[] {"a list", "[\"Z00\"]"});
                m.add(new String[] {"empty", "\"\""});
                m.add(new String[] {"blank", "\"   \""});
                m.add(new String[] {"padded", "\" Z00 \""});
                m.add(new String[] {"an escaped NUL", "\"Z00\\u0000\""});
                m.add(new String[] {"a raw NUL", "\"Z00\u0000\""});
                m.add(new String[] {"a lone high surrogate", "\"Z00\\ud83d\""});
                m.add(new String[] {"a lone low surrogate", "\"\\ude00Z00\""});
                m.add(new String[] {"a raw control character", "\"Z00\u0007\""});
                m.add(new String[] {"huge", "\"" + HUGE + "\""});
            }
            case DATE -> {
                m.add(new String[] {"a number", "20200101"});
                m.add(new String[] {"a boolean", "false"});
                m.add(new String[] {"an object", "{\"year\":2020}"});
                m.add(new String[] {"a list", "[2020,1,1]"});
                m.add(new String[] {"empty", "\"\""});
                m.add(new String[] {"a date-time", "\"2020-01-01T00:00:00\""});
                m.add(new String[] {"a zoned date-time", "\"2020-01-01T00:00:00Z\""});
                m.add(new String[] {"padded", "\" 2020-01-01\""});
                m.add(new String[] {"with a trailing space", "\"2020-01-01 \""});
                m.add(new String[] {"an impossible day", "\"2020-02-30\""});
                m.add(new String[] {"another format", "\"01/02/2020\""});
                m.add(new String[] {"a short year", "\"20-01-01\""});
                m.add(new String[] {"before 1900", "\"1899-12-31\""});
                m.add(new String[] {"after 2200", "\"2201-01-01\""});
                m.add(new String[] {"year 0", "\"0000-01-01\""});
                m.add(new String[] {"the largest date", "\"+999999999-12-31\""});
                m.add(new String[] {"the smallest date", "\"-999999999-01-01\""});
                m.add(new String[] {"an escaped NUL", "\"2020-01-01\\u0000\""});
                m.add(new String[] {"huge", "\"" + HUGE + "\""});
            }
            case ENUM -> {
                String first = field.type().getEnumConstants()[0].toString();
                m.add(new String[] {"a number", "0"});
                m.add(new String[] {"a boolean", "true"});
                m.add(new String[] {"an object", "{}"});
                m.add(new String[] {"empty", "\"\""});
                m.add(new String[] {"unknown", "\"NOT_A_VALUE\""});
                m.add(new String[] {"in lower case", "\"" + first.toLowerCase(Locale.ROOT) + "\""});
                m.add(new String[] {"padded", "\" " + first + "\""});
                m.add(new String[] {"an escaped NUL", "\"" + first + "\\u0000\""});
                m.add(new String[] {"huge", "\"" + HUGE + "\""});
            }
            case DECIMAL -> {
                m.add(new String[] {"text", "\"70\""});
                m.add(new String[] {"a boolean", "true"});
                m.add(new String[] {"an object", "{}"});
                m.add(new String[] {"negative", "-70"});
                m.add(new String[] {"zero", "0"});
                m.add(new String[] {"negative zero", "-0.0"});
                m.add(new String[] {"infinite by overflow", "1e400"});
                m.add(new String[] {"NaN", "NaN"});
                m.add(new String[] {"Infinity", "Infinity"});
                m.add(new String[] {"NaN as text", "\"NaN\""});
                m.add(new String[] {"absurdly large", "1e12"});
            }
            case WHOLE -> {
                m.add(new String[] {"text", "\"50\""});
                m.add(new String[] {"a boolean", "true"});
                m.add(new String[] {"a fraction", "1.5"});
                m.add(new String[] {"a whole number written as a decimal", "50.0"});
                m.add(new String[] {"negative", "-1"});
                m.add(new String[] {"absurdly large", "131"});
                m.add(new String[] {"beyond an int", "99999999999"});
                m.add(new String[] {"in exponent notation", "1e10"});
            }
            case FLAG -> {
                m.add(new String[] {"text", "\"true\""});
                m.add(new String[] {"a number", "1"});
                m.add(new String[] {"an object", "{}"});
                m.add(new String[] {"a word", "\"yes\""});
            }
            case LIST -> {
                m.add(new String[] {"an object", "{}"});
                m.add(new String[] {"text", "\"x\""});
                m.add(new String[] {"a number", "1"});
            }
            case MAP -> {
                m.add(new String[] {"a list", "[]"});
                m.add(new String[] {"text", "\"x\""});
                JsonNode entry = at(valid, field.segments()).values().iterator().next();
                String key = at(valid, field.segments()).propertyNames().iterator().next();
                m.add(new String[] {"an unknown key", "{\"NOT_A_KEY\":" + MAPPER.writeValueAsString(entry) + "}"});
                m.add(new String[] {"a padded key", "{\" " + key + "\":" + MAPPER.writeValueAsString(entry) + "}"});
                m.add(new String[] {"a key in lower case", "{\"" + key.toLowerCase(Locale.ROOT) + "\":" + MAPPER.writeValueAsString(entry) + "}"});
                m.add(new String[] {"a key with a NUL", "{\"" + key + "\\u0000\":" + MAPPER.writeValueAsString(entry) + "}"});
            }
            case OBJECT -> {
                m.add(new String[] {"a list", "[]"});
                m.add(new String[] {"text", "\"x\""});
                m.add(new String[] {"a number", "1"});
                m.add(new String[] {"a boolean", "true"});
            }
        }
        return m;
    }

    /** An entry of a map: its key is data, not a field name, and the map's own mutations cover it. */
    private boolean isMapEntry(Field field) {
        return fields.stream().anyMatch(f -> f.shape() == Shape.MAP && f.path().equals(field.parent()));
    }

    /** Mutations of a list's elements and across fields. */
    private List<BadSnapshot> acrossFields() {
        List<BadSnapshot> all = new ArrayList<>();
        for (Field field : fields) {
            if (field.shape() != Shape.LIST) continue;
            all.add(new BadSnapshot(field.path() + ": a null element", field.path() + "[0]", replaced(field, "[null]")));
            all.add(new BadSnapshot(field.path() + ": a text element", field.path() + "[0]", replaced(field, "[\"x\"]")));
            all.add(new BadSnapshot(field.path() + ": a list element", field.path() + "[0]", replaced(field, "[[]]")));
        }
        ObjectNode man = valid.deepCopy();
        ((ObjectNode) man.get("citizen")).put("sex", "M");
        all.add(new BadSnapshot("citizen.pregnancy: for a man", "citizen.pregnancy", MAPPER.writeValueAsString(man)));
        ObjectNode unborn = valid.deepCopy();
        ((ObjectNode) unborn.get("citizen")).put("birthDate", ON.plusDays(1).toString());
        all.add(new BadSnapshot("citizen.birthDate: after the reference date", "citizen.birthDate",
                MAPPER.writeValueAsString(unborn)));
        ObjectNode hugeName = valid.deepCopy();
        // long, but under the parser's own limit on names (past it, the object is at fault)
        ((ObjectNode) hugeName.get("citizen")).put(HUGE.substring(0, 10_000), true);
        all.add(new BadSnapshot("citizen: a huge unknown field", "citizen." + HUGE.substring(0, 40) + "…",
                MAPPER.writeValueAsString(hugeName)));
        ObjectNode hugerName = valid.deepCopy();
        ((ObjectNode) hugerName.get("citizen")).put(HUGE, true);
        all.add(new BadSnapshot("citizen: an unknown field longer than a name may be", "citizen",
                MAPPER.writeValueAsString(hugerName)));
        ObjectNode nulName = valid.deepCopy();
        ((ObjectNode) nulName.get("citizen")).put("sex\u0000", "F");
        all.add(new BadSnapshot("citizen: an unknown field with a NUL", "citizen.sex\\u0000",
                MAPPER.writeValueAsString(nulName)));
        ObjectNode noBirth = valid.deepCopy();
        ((ObjectNode) noBirth.get("citizen")).remove("birthDate");
        all.add(new BadSnapshot("citizen.birthDate: absent", "citizen.birthDate", MAPPER.writeValueAsString(noBirth)));
        ObjectNode noSex = valid.deepCopy();
        ((ObjectNode) noSex.get("citizen")).remove("sex");
        all.add(new BadSnapshot("citizen.sex: absent", "citizen.sex", MAPPER.writeValueAsString(noSex)));
        return all;
    }

    // ---- writing a mutated snapshot

    private String replaced(Field field, String raw) {
        ObjectNode copy = valid.deepCopy();
        set(copy, field.segments(), NODES.stringNode(RAW));
        return MAPPER.writeValueAsString(copy).replace("\"" + RAW + "\"", raw);
    }

    private String duplicated(Field field) {
        ObjectNode copy = valid.deepCopy();
        ObjectNode parent = (ObjectNode) at(copy, field.segments().subList(0, field.segments().size() - 1));
        JsonNode value = parent.get(field.name());
        // the same name again, with the same value: even an identical repeat is refused
        parent.set(DUPLICATE, value.deepCopy());
        return MAPPER.writeValueAsString(copy).replace("\"" + DUPLICATE + "\"", MAPPER.writeValueAsString(field.name()));
    }

    private String misspelt(Field field) {
        ObjectNode copy = valid.deepCopy();
        ObjectNode parent = (ObjectNode) at(copy, field.segments().subList(0, field.segments().size() - 1));
        parent.set(field.name() + "x", parent.remove(field.name()));
        return MAPPER.writeValueAsString(copy);
    }

    private static void set(JsonNode root, List<Object> segments, JsonNode value) {
        JsonNode parent = at(root, segments.subList(0, segments.size() - 1));
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static JsonNode at(JsonNode root, List<Object> segments) {
        JsonNode node = root;
        for (Object segment : segments) {
            node = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
        }
        return node;
    }
}
