package org.vigie.platform.space;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.BodyMassIndex;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.engine.json.StrictJson;
import org.vigie.platform.citizen.MeasureHistory;
import org.vigie.platform.citizen.FactId;
import org.vigie.platform.citizen.SpaceFacts;
import org.vigie.platform.input.StorableInput;
import org.vigie.platform.citizen.StoredFact;
import tools.jackson.databind.node.ObjectNode;

/**
 * The medical profile of a space (docs/space-sources.md#medical-profile): every fact with its provenance. The holder
 * (or a representative, in their own name) adds facts, and changes or removes those entered in the
 * space; facts from professionals, the reimbursement history, the insurer or an application are
 * read-only here.
 */
@RestController
@RequestMapping(path = "/api/v1/spaces/{space}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Space: medical profile", description = "My facts, as the evaluation contract describes them")
class FactsController {

    private final SpaceAccess access;
    private final SpaceFacts spaceFacts;

    FactsController(SpaceAccess access, SpaceFacts spaceFacts) {
        this.access = access;
        this.spaceFacts = spaceFacts;
    }

    @Operation(summary = "My facts", description = "Optionally of one type (the contract's field name: conditions, measures, …). "
            + "A representative does not see what the holder hid from representatives.")
    @GetMapping("/facts")
    List<FactView> facts(Authentication caller, @PathVariable UUID space, @RequestParam(required = false) String type) {
        Acting acting = access.inUse(caller, space);
        FactType only = type == null ? null : FactType.of(type);
        return spaceFacts.facts(acting.actor(), acting.space(), "citizen API: profile").stream()
                .filter(f -> only == null || only.type.isInstance(f.fact()))
                .map(FactView::of).toList();
    }

    /** The measures, newest first, and the BMI of the latest weight and height (absent without both). */
    record MeasuresView(List<FactView> measures, Optional<BodyMassIndex> bodyMassIndex) {
    }

    @Operation(summary = "My measures", description = "Newest first, with the body mass index computed from the latest "
            + "weight and the latest height.")
    @GetMapping("/measures")
    MeasuresView measures(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        MeasureHistory history = spaceFacts.measures(acting.actor(), acting.space(), "citizen API: measures");
        return new MeasuresView(history.measures().stream().map(FactView::of).toList(), history.bodyMassIndex());
    }

    @Operation(summary = "Add a fact", description = "The body is one fact of the type, in the contract's format; its source is SELF.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "One fact of the type named in the path", content = @Content(schema = @Schema(oneOf = {
            Pregnancy.class, Condition.class, Treatment.class, Vaccination.class, Act.class, Measure.class, FamilyHistory.class,
            Appointment.class, Document.class})))
    @PostMapping(path = "/facts/{type}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FactView> add(Authentication caller, @PathVariable UUID space, @PathVariable String type,
                                 @RequestBody(required = false) String body) {
        Acting acting = access.inUse(caller, space);
        Fact fact = entered(FactType.of(type), body);
        StoredFact added = spaceFacts.addFact(acting.actor(), acting.space(), fact, "citizen API: entered in the space");
        return ResponseEntity.created(URI.create("/api/v1/spaces/" + space + "/facts/" + added.id())).body(FactView.of(added));
    }

    @Operation(summary = "Correct a fact entered in the space")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "One fact of the type named in the path", content = @Content(schema = @Schema(oneOf = {
            Pregnancy.class, Condition.class, Treatment.class, Vaccination.class, Act.class, Measure.class, FamilyHistory.class,
            Appointment.class, Document.class})))
    @PutMapping(path = "/facts/{type}/{fact}", consumes = MediaType.APPLICATION_JSON_VALUE)
    FactView replace(Authentication caller, @PathVariable UUID space, @PathVariable String type, @PathVariable UUID fact,
                     @RequestBody(required = false) String body) {
        Acting acting = access.inUse(caller, space);
        Fact corrected = entered(FactType.of(type), body);
        return FactView.of(spaceFacts.replaceFact(acting.actor(), acting.space(), new FactId(fact), corrected,
                "citizen API: corrected in the space"));
    }

    @Operation(summary = "Remove a fact entered in the space")
    @DeleteMapping("/facts/{fact}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Authentication caller, @PathVariable UUID space, @PathVariable UUID fact) {
        Acting acting = access.inUse(caller, space);
        spaceFacts.removeFact(acting.actor(), acting.space(), new FactId(fact), "citizen API: removed from the space");
    }

    /**
     * A fact as the holder enters it: read strictly, and SELF, whatever the contract's default for its
     * type (a vaccination defaults to PROFESSIONAL there); another source, stated, is refused.
     */
    private static Fact entered(FactType type, String body) {
        Fact fact = StorableInput.check(SnapshotJson.readFact(body, type.type), "");
        if (fact.source() == Source.SELF) return fact;
        ObjectNode node = (ObjectNode) StrictJson.JSON.readTree(body);
        if (node.has("source")) {
            throw new InvalidInputException("source", "a fact entered in the space is SELF; " + fact.source()
                    + " facts come from their own senders");
        }
        node.put("source", Source.SELF.name());
        return SnapshotJson.readFact(node.toString(), type.type);
    }
}
