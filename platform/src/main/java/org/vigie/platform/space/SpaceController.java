package org.vigie.platform.space;

import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.media.Content;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.platform.citizen.Account;
import org.vigie.platform.citizen.AccountLifecycle;
import org.vigie.platform.citizen.AccountState;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Representation;
import org.vigie.platform.citizen.Representatives;
import org.vigie.platform.citizen.Trace;
import org.vigie.platform.citizen.Traces;
import org.vigie.platform.web.RequestBodies;

/**
 * The caller and their spaces: which spaces they may switch to (their own and those they
 * represent), the trace of who did what in a space (P9), and the account moves a holder or
 * representative makes: activating, closing (with or without deletion of the data) and reopening.
 */
@RestController
@Tag(name = "Space", description = "My spaces, my trace, activating, closing and reopening")
class SpaceController {

    private final SpaceAccess access;
    private final CitizenSpaces spaces;
    private final Representatives representatives;
    private final AccountLifecycle lifecycle;
    private final Traces traces;

    SpaceController(SpaceAccess access, CitizenSpaces spaces, Representatives representatives, AccountLifecycle lifecycle,
                    Traces traces) {
        this.access = access;
        this.spaces = spaces;
        this.representatives = representatives;
        this.lifecycle = lifecycle;
        this.traces = traces;
    }

    /** A space the caller may switch to: their own, or one they represent (with the kind and end of that access). */
    record SpaceEntry(UUID id, String capacity, AccountState accountStatus, LocalDate accessEndsOn) {
    }

    record Me(String subject, Optional<SpaceEntry> own, List<SpaceEntry> represented) {
    }

    record Closing(Boolean deleteData) {
    }

    @Operation(summary = "Who am I, and which spaces may I switch to",
            description = "Switching to a represented space is using its id in the space URLs; actions there are traced "
                    + "in the representative's own name.")
    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me(Authentication caller) {
        Optional<SpaceEntry> own = access.own(caller)
                .map(id -> new SpaceEntry(id.value(), "HOLDER", spaces.account(id).state(), null));
        LocalDate today = access.today();
        List<SpaceEntry> represented = access.represented(caller).stream()
                .map(id -> {
                    Representation r = representatives.of(id).stream()
                            .filter(x -> x.representativeId().equals(caller.getName()) && x.activeOn(today))
                            .findFirst().orElseThrow();
                    return new SpaceEntry(id.value(), r.kind().name(), spaces.account(id).state(), r.endsOn());
                })
                .sorted(Comparator.comparing(SpaceEntry::id))
                .toList();
        return new Me(caller.getName(), own, represented);
    }

    @Operation(summary = "Who read or changed what in my space, oldest first (P9)",
            description = "The holder's only: a representative's actions appear here in the representative's name, and an "
                    + "entry about what a minor hid would tell a representative that it exists.")
    @GetMapping(path = "/api/v1/spaces/{space}/traces", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Trace> traces(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        if (!acting.isHolder()) throw new NotYourSpace(caller.getName() + " (a representative: the trace is the holder's)", space);
        return traces.of(acting.space());
    }

    @Operation(summary = "Activate an open space (first login)")
    @PostMapping(path = "/api/v1/spaces/{space}/activation", produces = MediaType.APPLICATION_JSON_VALUE)
    Account activate(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        return lifecycle.activate(acting.actor(), acting.space(), "citizen API: activation");
    }

    @Operation(summary = "Close the space",
            description = "{\"deleteData\": false} keeps the data ten years (a reopening restores it); true deletes it at "
                    + "the next purge.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = Closing.class)))
    @PostMapping(path = "/api/v1/spaces/{space}/closure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Account close(Authentication caller, @PathVariable UUID space, @RequestBody(required = false) String body) {
        Acting acting = access.inUse(caller, space);
        boolean deleteData = RequestBodies.required(RequestBodies.read(body, Closing.class).deleteData(), "deleteData");
        return lifecycle.close(acting.actor(), acting.space(), deleteData, "citizen API: closure");
    }

    @Operation(summary = "Reopen a closed space", description = "Its data comes back if it was closed less than ten years "
            + "ago without deletion.")
    @PostMapping(path = "/api/v1/spaces/{space}/reopening", produces = MediaType.APPLICATION_JSON_VALUE)
    Account reopen(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.anyState(caller, space);
        return lifecycle.reopen(acting.actor(), acting.space(), "citizen API: reopening");
    }
}
