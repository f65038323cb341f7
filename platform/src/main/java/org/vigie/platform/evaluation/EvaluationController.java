package org.vigie.platform.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.json.SnapshotJson;

/**
 * Evaluates one snapshot. The body is read as text and parsed by the engine's strict reader, and
 * the decision is written by the engine too, so that HTTP and command line answer byte for byte
 * alike. Nothing is stored and nothing is sent.
 */
@RestController
class EvaluationController {

    private final RuleSet ruleSet;
    private final Clock clock;

    EvaluationController(RuleSet ruleSet, Clock clock) {
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> evaluate(@RequestBody(required = false) String snapshot) {
        // an empty body is the engine's to reject, with the same message as an empty line would get
        Decision decision = ruleSet.evaluate(SnapshotJson.read(snapshot == null ? "" : snapshot), LocalDate.now(clock));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SnapshotJson.write(decision));
    }
}
