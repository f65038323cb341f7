package org.vigie.platform.space;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigie.platform.delivery.CentreNotification;
import org.vigie.platform.delivery.NotificationCentre;

/**
 * The in-app notification centre of a space (docs/space-sources.md#notifications): what was notified, newest first,
 * each saying whether it comes from personalised prevention; marked read by the holder or a
 * representative. Beside {@code /notifications}, which holds the preferences.
 */
@RestController
@RequestMapping(path = "/api/v1/spaces/{space}/notification-centre", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Space: notification centre", description = "My notifications")
class NotificationCentreController {

    private static final String WHY = "citizen API: notification centre";

    private final SpaceAccess access;
    private final NotificationCentre centre;

    NotificationCentreController(SpaceAccess access, NotificationCentre centre) {
        this.access = access;
        this.centre = centre;
    }

    record CentreView(long unread, List<CentreNotification> notifications) {
    }

    @Operation(summary = "My notifications", description = "Newest first, with the number still unread.")
    @GetMapping
    CentreView notifications(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        List<CentreNotification> all = centre.of(acting.actor(), acting.space(), WHY);
        return new CentreView(all.stream().filter(n -> n.readAt() == null).count(), all);
    }

    @Operation(summary = "Mark a notification read")
    @PostMapping("/{notification}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(Authentication caller, @PathVariable UUID space, @PathVariable UUID notification) {
        Acting acting = access.inUse(caller, space);
        if (!centre.markRead(acting.actor(), acting.space(), notification, WHY)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no notification " + notification + " in this space");
        }
    }
}
