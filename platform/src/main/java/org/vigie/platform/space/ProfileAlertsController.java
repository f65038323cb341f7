package org.vigie.platform.space;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.campaign.ProfileSection;
import org.vigie.engine.campaign.Surface;
import org.vigie.platform.space.SurfaceViews.ProfileAlert;
import org.vigie.platform.space.SurfaceViews.ProfileAlertDetail;
import org.vigie.platform.surface.Surfaces;

/**
 * Alerts on the sections of the medical profile (docs/space-sources.md#surfaces): a signal on, say, the
 * vaccinations section that something is to be done, with a banner inviting to make an appointment.
 */
@RestController
@RequestMapping(path = "/api/v1/spaces/{space}/profile/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Space: prevention surfaces")
class ProfileAlertsController {

    private static final String WHY = "citizen API: profile alerts";

    private final SpaceAccess access;
    private final Surfaces surfaces;

    ProfileAlertsController(SpaceAccess access, Surfaces surfaces) {
        this.access = access;
        this.surfaces = surfaces;
    }

    @Operation(summary = "Alerts on my medical profile", description = "Newest first, on every section or on one. Listing marks nothing read.")
    @GetMapping
    List<ProfileAlert> alerts(Authentication caller, @PathVariable UUID space,
                              @Parameter(description = "only the alerts of this section, e.g. VACCINATIONS")
                              @RequestParam(required = false) ProfileSection section) {
        Acting acting = access.inUse(caller, space);
        return surfaces.list(acting.actor(), acting.space(), Surface.PROFILE_ALERT, section, WHY).stream()
                .map(item -> ProfileAlert.of(space, item)).toList();
    }

    @Operation(summary = "One alert", description = "Reading it marks its recommendation seen.")
    @GetMapping("/{recommendation}")
    ProfileAlertDetail alert(Authentication caller, @PathVariable UUID space, @PathVariable UUID recommendation) {
        Acting acting = access.inUse(caller, space);
        return surfaces.read(acting.actor(), acting.space(), Surface.PROFILE_ALERT, recommendation, WHY).map(ProfileAlertDetail::of)
                .orElseThrow(() -> new UnknownSurfaceItem(space, "profile alert", recommendation));
    }
}
