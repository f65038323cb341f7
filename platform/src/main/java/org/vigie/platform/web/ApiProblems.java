package org.vigie.platform.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.vigie.engine.json.InvalidInputException;

/**
 * Refusals of the services, as problems. Every refusal happens before anything is written, or
 * rolls the whole transaction back: a rejected request changes nothing. Spring MVC's own refusals
 * (unsupported media type, method not allowed, …) are problems too ({@link ResponseEntityExceptionHandler});
 * module-specific advice (evaluation, ingestion, the citizen module's refusals) comes first.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidBody(InvalidInputException e) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(), e.field());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another value" : expected(e.getRequiredType());
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                e.getName() + ": '" + e.getValue() + "' is not " + expected, e.getName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "the header " + e.getHeaderName() + " is required", e.getHeaderName());
    }

    /** A service's own check of its arguments (e.g. a fact id that is not the space's). */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(), null);
    }

    /** A request that is well formed but not allowed by the data's state (a read-only fact, a third representative). */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> illegalState(IllegalStateException e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "conflict", "Not possible now", e.getMessage(), null);
    }

    /**
     * Spring MVC's own refusals (405, 415, 406, a missing part, …) as our problems: with a type of
     * ours rather than {@code about:blank}, and as {@code application/problem+json} whatever the
     * client accepts.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create("urn:vigie:problem:" + ApiProblem.typeOf(status.value())));
            }
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.putAll(headers);
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, problemHeaders, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String expected(Class<?> type) {
        if (type == java.util.UUID.class) return "an identifier (UUID)";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        return "a valid " + type.getSimpleName();
    }
}
