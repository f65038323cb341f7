package org.vigie.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.StrictJson;
import org.vigie.platform.input.StorableInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses at the edge, with a 400 naming the field, text that no column could store: a NUL
 * character (U+0000, which PostgreSQL refuses in text) in a query parameter or anywhere in a JSON
 * body, names included; and a JSON body that is not valid UTF-8 (Spring would decode it with
 * replacement characters). Whatever the endpoint, such a request never reaches a transaction.
 * Ingestion bodies (JSON Lines, FHIR) are not refused whole: each record is checked on its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class InputGuard extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean nul = StorableInput.hasNul(parameter.getKey());
            for (String value : parameter.getValue()) nul |= StorableInput.hasNul(value);
            if (nul) {
                refuse(response, StorableInput.printable(parameter.getKey()), "must not contain a NUL character (U+0000)");
                return;
            }
        }
        if (!isJson(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        try {
            StrictJson.utf8(body); // never a U+FFFD put silently in place of bytes that are not UTF-8
        } catch (InvalidInputException e) {
            refuse(response, "", "is not valid UTF-8");
            return;
        }
        String field = nulIn(body);
        if (field != null) {
            refuse(response, field, "must not contain a NUL character (U+0000)");
            return;
        }
        chain.doFilter(new Reread(request, body), response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false; // Spring MVC answers the malformed type
        }
    }

    /** The path of the first name or text holding a NUL, null when none does (or the body is not JSON: the endpoint says so). */
    private static String nulIn(byte[] body) {
        // a raw NUL is not JSON at all: the endpoint refuses the body as such
        if (!containsEscapedNul(body)) return null;
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        return nulIn(tree, "");
    }

    private static String nulIn(JsonNode node, String path) {
        if (node.isString()) return StorableInput.hasNul(node.asString()) ? path : null;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulIn(node.get(i), path + "[" + i + "]");
                if (found != null) return found;
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = path.isEmpty() ? StorableInput.printable(field.getKey()) : path + "." + StorableInput.printable(field.getKey());
                if (StorableInput.hasNul(field.getKey())) return name;
                String found = nulIn(field.getValue(), name);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static boolean containsEscapedNul(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return text.contains("\\u0000");
    }

    private static void refuse(HttpServletResponse response, String field, String problem) throws IOException {
        ApiProblem.write(response, HttpStatus.BAD_REQUEST.value(), "invalid-request", "Invalid request",
                (field.isEmpty() ? "the body" : field) + ": " + problem, field.isEmpty() ? "body" : field);
    }

    /** The request, its body read once here and served again to the endpoint. */
    private static final class Reread extends HttpServletRequestWrapper {

        private final byte[] body;

        Reread(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    StandardCharsets.UTF_8));
        }
    }
}
