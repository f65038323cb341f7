package org.vigie.platform.space;

import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.media.Content;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigie.engine.campaign.Surface;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.platform.citizen.Agenda;
import org.vigie.platform.citizen.Reminder;
import org.vigie.platform.space.SurfaceViews.RecommendedEntry;
import org.vigie.platform.space.SurfaceViews.RecommendedEntryDetail;
import org.vigie.platform.surface.Surfaces;
import org.vigie.platform.web.RequestBodies;

/**
 * The agenda of a space (docs/space-sources.md#agenda): appointments are facts (added through the profile's
 * {@code appointments}), reminders are the holder's own notes due at a time, and recommended entries
 * are the appointments or vaccinations personalised prevention recommends (docs/space-sources.md#surfaces),
 * derived from the active recommendations of campaigns that display on the agenda.
 */
@RestController
@RequestMapping(path = "/api/v1/spaces/{space}/agenda", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Space: agenda", description = "My appointments and reminders")
class AgendaController {

    private final SpaceAccess access;
    private final Agenda agenda;
    private final Surfaces surfaces;

    AgendaController(SpaceAccess access, Agenda agenda, Surfaces surfaces) {
        this.access = access;
        this.agenda = agenda;
        this.surfaces = surfaces;
    }

    /** @param recommended the entries of kind RECOMMENDED, by the start of their due period */
    record AgendaView(List<FactView> appointments, List<Reminder> reminders, List<RecommendedEntry> recommended) {
    }

    /** What the holder sends to set a reminder. */
    record NewReminder(String title, Instant dueAt, Boolean hiddenFromRepresentatives) {
    }

    @Operation(summary = "My agenda", description = "Appointments, my reminders, and the recommended appointments and "
            + "vaccinations (each saying it comes from personalised prevention and why). Listing marks nothing read.")
    @GetMapping
    AgendaView agenda(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        Agenda.Entries entries = agenda.entries(acting.actor(), acting.space(), "citizen API: agenda");
        List<RecommendedEntry> recommended = surfaces.list(acting.actor(), acting.space(), Surface.AGENDA, null, "citizen API: agenda")
                .stream().map(item -> RecommendedEntry.of(space, item)).toList();
        return new AgendaView(entries.appointments().stream().map(FactView::of).toList(), entries.reminders(), recommended);
    }

    @Operation(summary = "One recommended entry", description = "Reading it marks its recommendation seen.")
    @GetMapping("/recommended/{recommendation}")
    RecommendedEntryDetail recommended(Authentication caller, @PathVariable UUID space, @PathVariable UUID recommendation) {
        Acting acting = access.inUse(caller, space);
        return surfaces.read(acting.actor(), acting.space(), Surface.AGENDA, recommendation, "citizen API: agenda")
                .map(RecommendedEntryDetail::of)
                .orElseThrow(() -> new UnknownSurfaceItem(space, "recommended agenda entry", recommendation));
    }

    @Operation(summary = "Set a reminder", description = "{\"title\": \"…\", \"dueAt\": \"2026-12-01T08:30:00Z\"}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = NewReminder.class)))
    @PostMapping(path = "/reminders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Reminder> remind(Authentication caller, @PathVariable UUID space, @RequestBody(required = false) String body) {
        Acting acting = access.inUse(caller, space);
        NewReminder request = RequestBodies.read(body, NewReminder.class);
        String title = RequestBodies.required(request.title(), "title");
        if (title.length() > Reminder.MAX_TITLE) {
            throw new InvalidInputException("title", "has at most " + Reminder.MAX_TITLE + " characters");
        }
        Instant dueAt = RequestBodies.required(request.dueAt(), "dueAt");
        Reminder reminder = agenda.addReminder(acting.actor(), acting.space(), title, dueAt,
                Boolean.TRUE.equals(request.hiddenFromRepresentatives()), "citizen API: agenda");
        return ResponseEntity.created(URI.create("/api/v1/spaces/" + space + "/agenda/reminders/" + reminder.id())).body(reminder);
    }

    @Operation(summary = "Remove a reminder")
    @DeleteMapping("/reminders/{reminder}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Authentication caller, @PathVariable UUID space, @PathVariable UUID reminder) {
        Acting acting = access.inUse(caller, space);
        if (!agenda.removeReminder(acting.actor(), acting.space(), reminder, "citizen API: agenda")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "space " + space + " has no reminder " + reminder);
        }
    }
}
