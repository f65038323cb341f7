package org.vigie.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

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
}
