package org.vigie.platform.space;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vigie.platform.web.ApiProblem;

/** The space API's own refusals; the rest are the web module's. */
@RestControllerAdvice(basePackageClasses = SpaceProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SpaceProblems {

    @ExceptionHandler(NotYourSpace.class)
    ResponseEntity<ProblemDetail> notYours(NotYourSpace e) {
        return ApiProblem.of(HttpStatus.FORBIDDEN, "not-your-space", "Not your space", e.getMessage(), "space");
    }

    @ExceptionHandler(UnknownSurfaceItem.class)
    ResponseEntity<ProblemDetail> unknownItem(UnknownSurfaceItem e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-item", "No such item", e.getMessage(), "recommendation");
    }

    @ExceptionHandler(DisplayOnlyMessage.class)
    ResponseEntity<ProblemDetail> displayOnly(DisplayOnlyMessage e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "display-only", "Display-only message", e.getMessage(), null);
    }

    @ExceptionHandler(SpaceUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(SpaceUnavailable e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "space-unavailable", "Space not available", e.getMessage(), null);
    }
}
