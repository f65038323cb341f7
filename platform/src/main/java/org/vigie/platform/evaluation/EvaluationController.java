package org.vigie.platform.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.ContractDates;
import org.vigie.engine.json.SnapshotJson;

/**
 * Evaluates one snapshot. The body is read as bytes, decoded as strict UTF-8 and parsed by the
 * engine's strict reader, and the decision is written by the engine too, so that HTTP and command
 * line answer byte for byte alike. Nothing is stored and nothing is sent.
 */
@RestController
@Tag(name = "Evaluation", description = "What Vigie recommends for one citizen on one date")
class EvaluationController {

    private final RuleSets ruleSets;
    private final Clock clock;

    EvaluationController(RuleSets ruleSets, Clock clock) {
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    @Operation(summary = "Evaluate one snapshot",
            description = "The snapshot and decision are those of the evaluation contract. The reference date is the "
                    + "snapshot's 'on', or today; an 'on' more than " + ContractDates.REFERENCE_WINDOW_YEARS
                    + " years from today needs timeTravel=true. Nothing is stored and nothing is sent.")
    @ApiResponse(responseCode = "200", description = "The decision")
    @ApiResponse(responseCode = "400", description = "The snapshot breaks the contract; 'field' names the field at fault",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> evaluate(@RequestBody(required = false) byte[] body,
            @Parameter(description = "accept an 'on' further than " + ContractDates.REFERENCE_WINDOW_YEARS
                    + " years from today (any date of the contract's range)")
            @RequestParam(defaultValue = "false") boolean timeTravel) {
        // bytes, not a String: Spring would replace bytes that are not UTF-8 without a word;
        // an empty body is the engine's to reject, with the same message as an empty document
        Snapshot snapshot = SnapshotJson.read(body == null ? new byte[0] : body);
        LocalDate today = LocalDate.now(clock);
        if (snapshot.on() != null && !timeTravel) {
            ContractDates.checkReferenceDate("on", snapshot.on(), today, "add ?timeTravel=true");
        }
        Decision decision = ruleSets.live().evaluate(snapshot, today);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SnapshotJson.write(decision));
    }
}
