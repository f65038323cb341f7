package org.vigie.platform.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * Input the store cannot hold, refused at the edge with a problem naming the field and nothing
 * written; and every refusal, down to those of Tomcat and of the security firewall, as
 * {@code application/problem+json}.
 */
@VigieApplicationTest
class BadInputApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    SpaceFixture.Space space;
    Api holder;
    Api operator;

    @BeforeEach
    void space() {
        space = new SpaceFixture(context).create();
        holder = space.holder(port);
        operator = Api.as(port, "operator", Role.OPERATOR);
    }

    @Test
    void refusesANulInAnyTextOfABodyNamingTheFieldAndStoresNothing() {
        long facts = rows("condition");
        HttpResponse<String> response = holder.post(space.path() + "/facts/conditions",
                "{\"code\":\"E11\\u0000\",\"since\":\"2020-01-01\"}");

        assertProblem(response, 400, "code");
        assertThat(rows("condition")).isEqualTo(facts);
    }

    @Test
    void refusesABodyThatIsNotUtf8InsteadOfReplacingItsCharacters() {
        long facts = rows("condition");
        // "E11 é" in Latin-1: Spring would have read U+FFFD in place of the accent
        byte[] latin1 = "{\"code\":\"E11\",\"since\":\"2020-01-01\",\"note\":\"\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] loneSurrogate = {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};

        assertProblem(holder.post(space.path() + "/facts/conditions", latin1), 400, "body");
        assertProblem(holder.post(space.path() + "/facts/conditions", loneSurrogate), 400, "body");
        assertThat(rows("condition")).isEqualTo(facts);
    }

    @Test
    void refusesANulInAFieldNameOrANestedTextOrAQueryParameter() {
        assertProblem(holder.post(space.path() + "/agenda/reminders", "{\"title\":\"ok\",\"dueAt\":\"2026-05-01T08:00:00Z\",\"x\\u0000\":1}"),
                400, "x\\u0000");
        assertProblem(operator.post("/api/v1/operator/citizens/" + space.id() + "/account/close", "{\"reason\":\"a\\u0000b\"}"),
                400, "reason");
        assertProblem(operator.get("/api/v1/operator/citizens?externalId=a%00b"), 400, "externalId");
    }

    @Test
    void refusesDatesOutsideTheAcceptedYearsInsteadOfFailingInTheDatabase() {
        long reminders = rows("agenda_reminder");
        assertProblem(holder.post(space.path() + "/agenda/reminders", "{\"title\":\"Rappel\",\"dueAt\":\"+300000-01-01T08:00:00Z\"}"),
                400, "dueAt");
        assertProblem(holder.post(space.path() + "/facts/vaccinations", "{\"vaccine\":\"DTP\",\"date\":\"1899-12-31\"}"), 400, "date");
        assertProblem(holder.post(space.path() + "/facts/acts", "{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2201-01-01\"}"), 400, "date");
        assertThat(rows("agenda_reminder")).isEqualTo(reminders);
    }

    @Test
    void refusesASecondPregnancyWithAConflictNotAServerError() {
        HttpResponse<String> first = holder.post(space.path() + "/facts/pregnancy", "{\"start\":\"2026-01-10\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        long pregnancies = rows("pregnancy");

        HttpResponse<String> second = holder.post(space.path() + "/facts/pregnancy", "{\"start\":\"2026-02-10\"}");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(rows("pregnancy")).isEqualTo(pregnancies);
    }

    @Test
    void refusesIdentifiersTooLongForTheirIndex() {
        String longId = "x".repeat(2_700);
        assertProblem(operator.post("/api/v1/operator/citizens/" + space.id() + "/representatives",
                "{\"representativeId\":\"" + longId + "\",\"kind\":\"PROTECTED_ADULT_REPRESENTATIVE\",\"reason\":\"r\"}"),
                400, "representativeId");
        assertProblem(holder.post(space.path() + "/devices", "{\"token\":\"" + "t".repeat(3_000) + "\"}"), 400, "token");
    }

    @Test
    void refusesToMakeAPersonTheRepresentativeOfTheirOwnSpace() {
        long representatives = rows("representative");

        HttpResponse<String> response = operator.post("/api/v1/operator/citizens/" + space.strangerSpace() + "/representatives",
                "{\"representativeId\":\"" + space.stranger() + "\",\"kind\":\"PROTECTED_ADULT_REPRESENTATIVE\",\"reason\":\"r\"}");

        assertProblem(response, 400, "representativeId");
        assertThat(rows("representative")).isEqualTo(representatives);
    }

    @Test
    void answersMethodMediaTypeAndUnknownSubResourceRefusalsAsProblems() {
        assertTyped(holder.send("DELETE", space.path() + "/agenda", null), 405);
        assertTyped(holder.post(space.path() + "/facts/conditions", "text/plain", "code=E11"), 415);
        assertTyped(holder.get(space.path() + "/no-such-thing"), 404);
        assertTyped(holder.get(space.path() + "/notification-centre/" + UUID.randomUUID() + "/nothing"), 404);
    }

    @Test
    void answersTheFirewallAndTomcatRefusalsAsProblemsOverARealConnection() throws IOException {
        // Tomcat refuses an encoded NUL in the path before any servlet: its own error page, made a problem
        String tomcat = raw("GET /api/v1/spaces/%00/facts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(tomcat).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:vigie:problem:invalid-request\"");
        // Spring Security's firewall refuses an encoded slash
        String firewall = raw("GET /api/v1/spaces/a%2F..%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(firewall).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:vigie:problem:");
        String semicolon = raw("GET /api/v1/spaces;x=1/" + space.id() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(semicolon).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            return read.toString(StandardCharsets.UTF_8);
        }
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static void assertTyped(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response);
        assertThat(problem.path("type").asString()).startsWith("urn:vigie:problem:");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertTyped(response, status);
        assertThat(Api.json(response).path("field").asString()).as(response.body()).isEqualTo(field);
    }
}
