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
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.campaign.Surface;
import org.vigie.platform.space.SurfaceViews.FeedArticle;
import org.vigie.platform.space.SurfaceViews.FeedCard;
import org.vigie.platform.surface.Surfaces;

/** « À la une »: the cards of personalised prevention on the home page, and the article each opens. */
@RestController
@RequestMapping(path = "/api/v1/spaces/{space}/feed", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Space: prevention surfaces", description = "À la une, recommended agenda entries, profile alerts, prevention messages")
class FeedController {

    private static final String WHY = "citizen API: feed";

    private final SpaceAccess access;
    private final Surfaces surfaces;

    FeedController(SpaceAccess access, Surfaces surfaces) {
        this.access = access;
        this.surfaces = surfaces;
    }

    @Operation(summary = "« À la une »: my prevention cards",
            description = "Newest first; each says it comes from personalised prevention and why. Listing marks nothing read.")
    @GetMapping
    List<FeedCard> feed(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        return surfaces.list(acting.actor(), acting.space(), Surface.FEED, null, WHY).stream()
                .map(item -> FeedCard.of(space, item)).toList();
    }

    @Operation(summary = "The article of a card", description = "Reading it marks its recommendation seen.")
    @GetMapping("/{recommendation}")
    FeedArticle article(Authentication caller, @PathVariable UUID space, @PathVariable UUID recommendation) {
        Acting acting = access.inUse(caller, space);
        return surfaces.read(acting.actor(), acting.space(), Surface.FEED, recommendation, WHY).map(FeedArticle::of)
                .orElseThrow(() -> new UnknownSurfaceItem(space, "feed article", recommendation));
    }
}
