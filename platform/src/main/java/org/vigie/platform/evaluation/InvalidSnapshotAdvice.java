package org.vigie.platform.evaluation;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vigie.engine.json.InvalidInputException;

/**
 * Turns a snapshot the engine rejects into an RFC 9457 problem: {@code detail} is the same
 * "field: problem" text the command line prints, {@code field} the path of the field at fault
 * (absent when the whole document is at fault, e.g. malformed JSON at its start).
 */
@RestControllerAdvice(assignableTypes = EvaluationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the API's general advice, for this controller's snapshots
class InvalidSnapshotAdvice {

    static final URI TYPE = URI.create("urn:vigie:problem:invalid-snapshot");

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidSnapshot(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(TYPE);
        problem.setTitle("Invalid snapshot");
        if (!e.field().isEmpty()) problem.setProperty("field", e.field());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
