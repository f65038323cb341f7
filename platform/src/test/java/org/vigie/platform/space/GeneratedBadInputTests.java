package org.vigie.platform.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input, generated rather than hand-listed: every write operation the served OpenAPI document
 * lists (POST, PUT, PATCH, DELETE), every field of its documented body and every text parameter of
 * its path, each spoiled in turn — a NUL, a huge text, an empty one, a date out of range, a value of
 * the wrong type, another citizen's resource — and every valid request sent twice. A new endpoint
 * is covered as soon as it is served; one whose path names a parameter this test has no valid value
 * for fails the test until one is given ({@link #validPathValues}).
 *
 * <p>Every answer: never a 5xx; a 4xx is {@code application/problem+json} with a type of ours; a
 * spoiled body field is refused (4xx) naming that field; a refused request changes no stored row.
 */
@VigieApplicationTest
class GeneratedBadInputTests {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final String HUGE = "x".repeat(20_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The fact type of the facts endpoints' valid requests: a measure, which the holder may add and correct. */
    private static final String VALID_FACT_TYPE = "measures";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /** One request to send, why, and what it must get. */
    record Attempt(String operation, String method, String path, String body, String spoiled, String field, boolean mustBeRefused) {
    }

    @Test
    void noWriteOperationAnswersBadInputWithAServerErrorOrStoresAnythingOfIt() {
        SpaceFixture fixture = new SpaceFixture(context);
        SpaceFixture.Space space = fixture.create();
        SpaceFixture.Space other = fixture.create();
        JsonNode api = Api.json(Api.anonymous(port).get("/v3/api-docs"));
        List<Attempt> attempts = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!WRITES.contains(op.getKey())) return;
            operations.add(op.getKey().toUpperCase() + " " + path.getKey());
            attempts.addAll(spoiled(api, path.getKey(), op.getKey(), op.getValue(), space, other));
        }));
        assertThat(operations).as("write operations served").hasSizeGreaterThan(10);
        settle();
        List<String> violations = new ArrayList<>();
        List<UUID> watched = List.of(space.id().value(), other.id().value(), space.strangerSpace().value(), space.minor().value());
        String before = rows(watched);
        for (Attempt a : attempts) {
            HttpResponse<String> response = caller(a.path, space).send(a.method, a.path, a.body);
            violations.addAll(check(a, response));
            if (response.statusCode() < 400) {
                settle(); // it was not bad after all: what it changed is the new reference
                before = rows(watched);
            } else {
                String after = rows(watched);
                if (!after.equals(before)) violations.add(describe(a) + ": refused, yet stored rows changed: " + before + " -> " + after);
                before = after;
            }
        }
        // duplicates: each valid request twice, each on a fresh space (a closure must not spoil the rest)
        int duplicates = 0;
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
            String template = operation.substring(operation.indexOf(' ') + 1);
            SpaceFixture.Space fresh = fixture.create();
            String path = resolve(template, fresh, other, null, null);
            String body = validBody(api, api.path("paths").path(template).path(method), template);
            for (int i = 0; i < 2; i++) {
                Attempt a = new Attempt(operation, method.toUpperCase(), path, body, "sent twice", null, false);
                violations.addAll(check(a, caller(path, fresh).send(a.method, path, body)));
                duplicates++;
            }
        }
        settle();
        System.out.printf("Generated bad input: %d operations, %d spoiled requests, %d duplicate requests%n", operations.size(),
                attempts.size(), duplicates);
        assertThat(violations).as("over " + attempts.size() + " spoiled requests").isEmpty();
    }

    /** Every spoiled version of one operation's request. */
    private List<Attempt> spoiled(JsonNode api, String template, String method, JsonNode operation, SpaceFixture.Space space,
                                  SpaceFixture.Space other) {
        List<Attempt> attempts = new ArrayList<>();
        String name = method.toUpperCase() + " " + template;
        String body = validBody(api, operation, template);
        String path = resolve(template, space, other, null, null);
        // the path's text parameters
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            String parameter = m.group(1);
            // a NUL never reaches the API; the others may name nothing there is (deleting it is then done already)
            for (Map.Entry<String, String> bad : Map.of("NUL", "%00", "huge", HUGE.substring(0, 6_000), "control", "%01a",
                    "empty", "%20").entrySet()) {
                attempts.add(new Attempt(name, method.toUpperCase(), resolve(template, space, other, parameter, bad.getValue()), body,
                        bad.getKey() + " in {" + parameter + "}", null, bad.getKey().equals("NUL") || !method.equals("delete")));
            }
            if (template.startsWith("/api/v1/spaces/") && Set.of("space", "fact", "reminder").contains(parameter)) {
                attempts.add(new Attempt(name, method.toUpperCase(), resolve(template, space, other, parameter, "OTHER"), body,
                        "another citizen's {" + parameter + "}", null, true));
            }
        }
        if (body == null) return attempts;
        ObjectNode valid = (ObjectNode) JsonMapper.shared().readTree(body);
        for (String field : valid.propertyNames()) {
            JsonNode schema = fieldSchema(api, operation, template, field);
            Map<String, JsonNode> bad = new LinkedHashMap<>();
            bad.put("NUL", NODES.stringNode("a\u0000b"));
            bad.put("huge", NODES.stringNode(HUGE));
            bad.put("wrong type", schema.path("type").asString("").equals("string") || schema.has("enum")
                    ? NODES.objectNode().put("x", 1) : NODES.stringNode("not a " + schema.path("type").asString("value")));
            String format = schema.path("format").asString("");
            if (format.equals("date")) {
                bad.put("year 1899", NODES.stringNode("1899-12-31"));
                bad.put("year 300000", NODES.stringNode("+300000-01-01"));
                bad.put("year -999999999", NODES.stringNode("-999999999-01-01"));
            } else if (format.equals("date-time")) {
                bad.put("year 300000", NODES.stringNode("+300000-01-01T08:00:00Z"));
                bad.put("year 1", NODES.stringNode("0001-01-01T08:00:00Z"));
            } else if (schema.path("type").asString("").equals("number")) {
                bad.put("too large", NODES.numberNode(new java.math.BigDecimal("1e400")));
            } else if (schema.path("type").asString("").equals("integer")) {
                bad.put("too large", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
            }
            for (Map.Entry<String, JsonNode> b : bad.entrySet()) {
                ObjectNode spoiled = valid.deepCopy();
                spoiled.set(field, b.getValue());
                attempts.add(new Attempt(name, method.toUpperCase(), path, spoiled.toString(), b.getKey() + " in " + field, field, true));
            }
            // empty: may be a legitimate value (an optional text): only never a server error
            ObjectNode empty = valid.deepCopy();
            empty.put(field, "");
            attempts.add(new Attempt(name, method.toUpperCase(), path, empty.toString(), "empty " + field, null, false));
        }
        return attempts;
    }

    private List<String> check(Attempt a, HttpResponse<String> response) {
        List<String> violations = new ArrayList<>();
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) violations.add(describe(a) + ": " + status + " " + abbreviate(response.body()));
        if (a.mustBeRefused && status < 400) violations.add(describe(a) + ": accepted (" + status + ")");
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                violations.add(describe(a) + ": " + status + " as " + type + ", not a problem: " + abbreviate(response.body()));
            } else {
                JsonNode problem = Api.json(response);
                if (!problem.path("type").asString("").startsWith("urn:vigie:problem:")) {
                    violations.add(describe(a) + ": a problem without a type of ours: " + abbreviate(response.body()));
                }
                if (a.field != null && status == 400 && !names(problem.path("field").asString(""), a.field)) {
                    violations.add(describe(a) + ": refused naming '" + problem.path("field").asString("") + "', not " + a.field
                            + ": " + abbreviate(response.body()));
                }
            }
        }
        return violations;
    }

    /** The problem names the field, or a field inside it. */
    private static boolean names(String named, String field) {
        return named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[");
    }

    private static String describe(Attempt a) {
        return a.operation + " [" + a.spoiled + "]";
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    /** Who may call the path: the holder of the space, an operator, the ingestion account, the committee. */
    private Api caller(String path, SpaceFixture.Space space) {
        if (path.startsWith("/api/v1/spaces/") || path.startsWith("/api/v1/me")) return space.holder(port);
        if (path.startsWith("/api/v1/ingestions")) return Api.devAccount(port, "ingestion");
        if (path.startsWith("/api/v1/evaluations")) return Api.as(port, "committee", Role.COMMITTEE);
        return Api.as(port, "operator", Role.OPERATOR);
    }

    /** The path with valid values, one parameter spoiled ({@code OTHER}: the other citizen's own). */
    private static String resolve(String template, SpaceFixture.Space space, SpaceFixture.Space other, String spoiled, String value) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String parameter = m.group(1);
            String replacement;
            if (parameter.equals(spoiled) && "OTHER".equals(value)) {
                replacement = validPathValues(other).get(parameter);
            } else if (parameter.equals(spoiled)) {
                replacement = value;
            } else {
                replacement = validPathValues(space).get(parameter);
                if (replacement == null) throw new AssertionError("no valid value for {" + parameter + "} of " + template
                        + ": give one in validPathValues");
            }
            m.appendReplacement(path, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** A valid value for each path parameter the API uses. */
    private static Map<String, String> validPathValues(SpaceFixture.Space space) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("space", space.id().toString());
        values.put("citizen", space.id().toString());
        values.put("fact", space.selfFact().toString());
        values.put("reminder", space.reminder().toString());
        values.put("recommendation", UUID.randomUUID().toString());
        values.put("notification", UUID.randomUUID().toString());
        values.put("type", VALID_FACT_TYPE);
        values.put("pathway", "SCREENING");
        values.put("category", "CANCER_SCREENING");
        values.put("channel", "EMAIL");
        values.put("move", "open");
        values.put("token", URLEncoder.encode(space.device(), StandardCharsets.UTF_8));
        values.put("representativeId", URLEncoder.encode(space.representative(), StandardCharsets.UTF_8));
        values.put("sweep", "1");
        return values;
    }

    /** A valid body built from the documented schema; null for an operation without a JSON body. */
    private static String validBody(JsonNode api, JsonNode operation, String template) {
        JsonNode schema = bodySchema(api, operation, template);
        if (schema == null) return null;
        JsonNode example = example(api, schema, 0);
        // a body documented as bare text (the evaluation contract, read by its own strict reader) has no fields to spoil here
        return example.isObject() ? example.toString() : null;
    }

    private static JsonNode bodySchema(JsonNode api, JsonNode operation, String template) {
        JsonNode content = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (content.isMissingNode()) return null;
        if (content.has("oneOf")) {
            // one fact per type: the schema of the type named by the path's valid {type}
            String type = VALID_FACT_TYPE;
            for (JsonNode candidate : content.path("oneOf")) {
                String name = candidate.path("$ref").asString("").replaceAll(".*/", "");
                if (type.toLowerCase().startsWith(name.toLowerCase())) return resolveRef(api, candidate);
            }
            throw new AssertionError("no schema in oneOf for the type " + type + " of " + template);
        }
        return resolveRef(api, content);
    }

    private static JsonNode fieldSchema(JsonNode api, JsonNode operation, String template, String field) {
        return resolveRef(api, bodySchema(api, operation, template).path("properties").path(field));
    }

    private static JsonNode resolveRef(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) return schema;
        return api.path("components").path("schemas").path(ref.replaceAll(".*/", ""));
    }

    /** A plausible value of a schema: dates in range, the first of an enumeration, the example when given. */
    private static JsonNode example(JsonNode api, JsonNode schema, int depth) {
        schema = resolveRef(api, schema);
        if (schema.has("enum")) return schema.path("enum").get(0);
        String format = schema.path("format").asString("");
        return switch (schema.path("type").asString("object")) {
            case "string" -> NODES.stringNode(format.equals("date") ? "2026-02-01" : format.equals("date-time")
                    ? "2026-05-01T08:00:00Z" : "E11");
            case "boolean" -> NODES.booleanNode(false);
            case "integer" -> NODES.numberNode(40);
            case "number" -> NODES.numberNode(70.0);
            case "array" -> NODES.arrayNode();
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) schema.path("properties").properties().forEach(p -> object.set(p.getKey(), example(api, p.getValue(), depth + 1)));
                yield object;
            }
        };
    }

    /** The stored rows of the watched citizens, table by table (traces apart: reads are traced, P9), and every citizen and sweep. */
    private String rows(List<UUID> citizens) {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.columns where table_schema = 'public' and column_name = 'citizen_id'
                        and table_name not in ('trace', 'event_publication') order by table_name""")
                .query(String.class).list();
        StringBuilder sql = new StringBuilder("select concat_ws(',', (select count(*) from citizen), (select count(*) from sweep)");
        for (String table : tables) sql.append(", (select count(*) from ").append(table).append(" where citizen_id = any(?))");
        sql.append(")");
        UUID[] ids = citizens.toArray(UUID[]::new);
        Object[] params = new Object[tables.size()];
        Arrays.fill(params, ids);
        return jdbc.sql(sql.toString()).params(params).query(String.class).single();
    }

    /** Waits until every event has reached its listeners: what a request set off is done. */
    private void settle() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0
                && jdbc.sql("select count(*) from sweep where status = 'RUNNING'").query(Long.class).single() == 0);
    }
}
