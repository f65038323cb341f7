package org.vigie.platform.backoffice;

import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.media.Content;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.platform.citizen.Account;
import org.vigie.platform.citizen.AccountLifecycle;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Representation;
import org.vigie.platform.citizen.Representatives;
import org.vigie.platform.citizen.Traces;
import org.vigie.platform.web.RequestBodies;

/** Back-office actions on a space: no health data is read or shown here, only identity, account and representatives. */
@RestController
@RequestMapping(path = "/api/v1/operator/citizens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Back office", description = "Account lifecycle and representatives, for the insurer's operators")
class OperatorController {

    private final CitizenSpaces spaces;
    private final AccountLifecycle lifecycle;
    private final Representatives representatives;
    private final Traces traces;

    OperatorController(CitizenSpaces spaces, AccountLifecycle lifecycle, Representatives representatives, Traces traces) {
        this.spaces = spaces;
        this.lifecycle = lifecycle;
        this.representatives = representatives;
        this.traces = traces;
    }

    record SpaceSummary(UUID id, Account account, List<Representation> representatives) {
    }

    record Move(String reason, Boolean deleteData) {
    }

    @Schema(name = "RepresentativeAppointment")
    record Appointment(String representativeId, Representation.Kind kind, String reason) {
    }

    @Operation(summary = "Find a space by the person's external id (their INS)")
    @GetMapping
    SpaceSummary find(Authentication caller, @RequestParam String externalId) {
        CitizenId id = spaces.findByExternalId(externalId)
                .orElseThrow(() -> new InvalidInputException("externalId", "no citizen is known by this external id"));
        traces.record(operator(caller), id, "looked up by the back office", "back office: lookup");
        return summary(id);
    }

    @Operation(summary = "Move the account", description = "move: open, oppose, close, reopen or death; "
            + "{\"reason\": \"…\"} (required), and {\"deleteData\": true} to close with deletion")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = Move.class)))
    @PostMapping(path = "/{citizen}/account/{move}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SpaceSummary move(Authentication caller, @PathVariable UUID citizen, @PathVariable String move,
                      @RequestBody(required = false) String body) {
        CitizenId id = known(citizen);
        Move request = RequestBodies.read(body, Move.class);
        String why = "back office: " + RequestBodies.required(request.reason(), "reason");
        Actor operator = operator(caller);
        switch (move) {
            case "open" -> lifecycle.open(operator, id, why);
            case "oppose" -> lifecycle.oppose(operator, id, why);
            case "close" -> lifecycle.close(operator, id, Boolean.TRUE.equals(request.deleteData()), why);
            case "reopen" -> lifecycle.reopen(operator, id, why);
            case "death" -> lifecycle.recordDeath(operator, id, why);
            default -> throw new InvalidInputException("move", "unknown move '" + move + "'; expected open, oppose, close, reopen or death");
        }
        return summary(id);
    }

    @Operation(summary = "Record a representative", description = "{\"representativeId\": \"…\", \"kind\": "
            + "\"LEGAL_REPRESENTATIVE\" | \"PROTECTED_ADULT_REPRESENTATIVE\", \"reason\": \"…\"}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = Appointment.class)))
    @PostMapping(path = "/{citizen}/representatives", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SpaceSummary appoint(Authentication caller, @PathVariable UUID citizen, @RequestBody(required = false) String body) {
        CitizenId id = known(citizen);
        Appointment request = RequestBodies.read(body, Appointment.class);
        String representative = RequestBodies.required(request.representativeId(), "representativeId");
        Representation.Kind kind = RequestBodies.required(request.kind(), "kind");
        String why = "back office: " + RequestBodies.required(request.reason(), "reason");
        if (kind == Representation.Kind.LEGAL_REPRESENTATIVE) {
            representatives.appointLegalRepresentative(operator(caller), id, representative, why);
        } else {
            representatives.appointProtectedAdultRepresentative(operator(caller), id, representative, why);
        }
        return summary(id);
    }

    @Operation(summary = "End a representative's access")
    @DeleteMapping("/{citizen}/representatives/{representativeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication caller, @PathVariable UUID citizen, @PathVariable String representativeId) {
        representatives.revoke(operator(caller), known(citizen), representativeId, "back office: access ended");
    }

    private CitizenId known(UUID citizen) {
        CitizenId id = new CitizenId(citizen);
        spaces.account(id); // refuses an unknown id before anything else
        return id;
    }

    private SpaceSummary summary(CitizenId id) {
        return new SpaceSummary(id.value(), spaces.account(id), representatives.of(id));
    }

    private static Actor operator(Authentication caller) {
        return Actor.operator(caller.getName());
    }
}
