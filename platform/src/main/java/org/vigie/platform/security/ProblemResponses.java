package org.vigie.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/** Refusals of the security filters as {@code application/problem+json}, like every other error of the API. */
final class ProblemResponses {

    static final URI UNAUTHENTICATED = URI.create("urn:vigie:problem:unauthenticated");
    static final URI FORBIDDEN = URI.create("urn:vigie:problem:forbidden");
    static final URI INVALID_REQUEST = URI.create("urn:vigie:problem:invalid-request");

    private ProblemResponses() {
    }

    /** 401, with the challenge of every way to authenticate that is configured. */
    static AuthenticationEntryPoint unauthenticated(String challenge) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", challenge);
            write(response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Authentication required",
                    "this endpoint needs an authenticated caller: " + e.getMessage());
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
                "your role does not give access to " + request.getMethod() + " " + request.getRequestURI());
    }

    /** Spring Security's firewall (an encoded slash, a control character, a double slash in the path …): a 400 naming the path. */
    static RequestRejectedHandler rejected() {
        return (request, response, e) -> {
            write(response, HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
                    "the request was refused before reaching the API: " + e.getMessage());
        };
    }

    static void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonMapper.shared().writeValueAsString(problem));
    }
}
