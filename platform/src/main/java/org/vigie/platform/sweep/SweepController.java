package org.vigie.platform.sweep;

import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.media.Content;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.platform.web.ApiProblem;
import org.vigie.platform.web.RequestBodies;

/** Operators follow sweeps and start one now. No individual data: counts only. */
@RestController
@RequestMapping(path = "/api/v1/sweeps", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sweeps", description = "Population sweeps: every stored citizen evaluated for some campaigns on a date")
class SweepController {

    private static final int LISTED = 50;
    private static final int LISTED_FAILURES = 100;

    private final Sweeps sweeps;
    private final Clock clock;

    SweepController(Sweeps sweeps, Clock clock) {
        this.sweeps = sweeps;
        this.clock = clock;
    }

    /** {@code campaign}: a campaign id, or null for every campaign; {@code on}: the reference date, today when absent. */
    record Start(String campaign, LocalDate on) {
    }

    /**
     * A sweep with the chunks being worked on, those that failed, and the citizens it isolated (the
     * first hundred; {@code sweep.citizensFailed} counts them all).
     */
    record Detail(Sweep sweep, List<SweepChunk> working, List<SweepChunk> failed, List<SweepFailure> failedCitizens) {
    }

    @Operation(summary = "The latest sweeps, newest first, with their progress")
    @GetMapping
    List<Sweep> latest() {
        return sweeps.latest(LISTED);
    }

    @Operation(summary = "One sweep: progress (done/total, citizens per second, time left), the chunks being worked on "
            + "(by which node) and those that failed")
    @GetMapping("/{sweep}")
    Detail one(@PathVariable long sweep) {
        Sweep found = sweeps.find(sweep).orElseThrow(() -> new UnknownSweep(sweep));
        return new Detail(found, sweeps.chunks(sweep, ChunkStatus.CLAIMED), sweeps.chunks(sweep, ChunkStatus.FAILED),
                sweeps.failures(sweep, LISTED_FAILURES));
    }

    @Operation(summary = "Start a sweep now", description = "{\"campaign\": \"screen-breast\"} or {\"campaign\": null} for every "
            + "campaign; \"on\": \"YYYY-MM-DD\" (today when absent). The workers of every node share it; follow it at the "
            + "Location returned.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = Start.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Sweep> start(Authentication caller, @RequestBody(required = false) String body) {
        Start request = RequestBodies.read(body, Start.class);
        LocalDate on = request.on() != null ? request.on() : LocalDate.now(clock);
        String by = "OPERATOR:" + caller.getName();
        Sweep started;
        try {
            started = sweeps.start(request.campaign() == null ? SweepRequest.all(on, by) : SweepRequest.of(request.campaign(), on, by));
        } catch (UnknownCampaign e) {
            throw new InvalidInputException("campaign", e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/sweeps/" + started.id())).body(started);
    }

    @ExceptionHandler(UnknownSweep.class)
    ResponseEntity<ProblemDetail> unknown(UnknownSweep e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-sweep", "No such sweep", e.getMessage(), null);
    }
}
