package org.vigie.platform.citizen;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vigie.platform.web.ApiProblem;

/**
 * The citizen module's refusals, as problems, wherever an endpoint meets them (space, back office,
 * ingestion). First, so that an illegal transition is not taken for any other conflict.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CitizenProblems {

    @ExceptionHandler(UnknownCitizen.class)
    ResponseEntity<ProblemDetail> unknownCitizen(UnknownCitizen e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-citizen", "No such citizen", e.getMessage(), null);
    }

    @ExceptionHandler(UnknownFact.class)
    ResponseEntity<ProblemDetail> unknownFact(UnknownFact e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-fact", "No such fact", e.getMessage(), "fact");
    }

    @ExceptionHandler(IllegalAccountTransition.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalAccountTransition e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "illegal-account-transition", "Not possible in the space's state",
                e.getMessage(), null);
    }
}
