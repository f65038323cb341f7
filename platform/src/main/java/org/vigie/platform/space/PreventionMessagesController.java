package org.vigie.platform.space;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.campaign.Surface;
import org.vigie.platform.space.SurfaceViews.Message;
import org.vigie.platform.space.SurfaceViews.MessageSummary;
import org.vigie.platform.surface.Surfaces;

/**
 * The prevention messages of the secure messaging (docs/space-sources.md#surfaces): display-only, like the
 * space's welcome message — no reply, no exchange. The engine never reads the secure messaging
 * (P4): these messages are derived from the recommendations, nothing is written there.
 */
@RestController
@RequestMapping(path = "/api/v1/spaces/{space}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Space: prevention surfaces")
class PreventionMessagesController {

    private static final String WHY = "citizen API: secure messaging";

    private final SpaceAccess access;
    private final Surfaces surfaces;

    PreventionMessagesController(SpaceAccess access, Surfaces surfaces) {
        this.access = access;
        this.surfaces = surfaces;
    }

    @Operation(summary = "My prevention messages",
            description = "Newest first; the messages of completed and expired recommendations stay, those of withdrawn ones go. "
                    + "Listing marks nothing read.")
    @GetMapping
    List<MessageSummary> messages(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        return surfaces.list(acting.actor(), acting.space(), Surface.SECURE_MESSAGE, null, WHY).stream()
                .map(item -> MessageSummary.of(space, item)).toList();
    }

    @Operation(summary = "One prevention message", description = "Reading it marks its recommendation seen.")
    @GetMapping("/{recommendation}")
    Message message(Authentication caller, @PathVariable UUID space, @PathVariable UUID recommendation) {
        Acting acting = access.inUse(caller, space);
        return surfaces.read(acting.actor(), acting.space(), Surface.SECURE_MESSAGE, recommendation, WHY).map(Message::of)
                .orElseThrow(() -> new UnknownSurfaceItem(space, "prevention message", recommendation));
    }

    @Operation(summary = "Replying, or any other write: refused",
            description = "409 display-only: a prevention message cannot be answered, changed or deleted; nothing changes.")
    @RequestMapping(path = {"", "/**"}, method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    void write(Authentication caller, @PathVariable UUID space) {
        access.inUse(caller, space);
        throw new DisplayOnlyMessage();
    }
}
