package org.vigie.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds the API's {@code application/problem+json} answers: a type, a title, the detail, and the field at fault if any. */
public final class ApiProblem {

    private ApiProblem() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String type, String title, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:vigie:problem:" + type));
        problem.setTitle(title);
        if (field != null && !field.isEmpty()) problem.setProperty("field", field);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The same problem, written by a filter or an error page that has no Spring MVC to render it. */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail, String field)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:vigie:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null && !field.isEmpty()) problem.put("field", field);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonMapper.shared().writeValueAsString(problem));
    }

    /** The standard phrase of a status. */
    static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    /** The problem type of a refusal that has none of its own, by status. */
    static String typeOf(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }
}
