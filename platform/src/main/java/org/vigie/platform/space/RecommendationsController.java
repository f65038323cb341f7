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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.platform.recommendation.StoredRecommendation;
import org.vigie.platform.surface.Readers;
import org.vigie.platform.surface.Surfaces;
import org.vigie.templates.Reader;
import org.vigie.templates.Reasons;

/**
 * My personalised prevention: what is recommended to me, and why (P5) — the rule, the rule set,
 * the reasons in plain French and the categories of data used.
 */
@RestController
@RequestMapping(path = "/api/v1/spaces/{space}/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Space: prevention", description = "My recommendations, and why I see each")
class RecommendationsController {

    private final SpaceAccess access;
    private final Recommendations recommendations;
    private final Readers readers;

    RecommendationsController(SpaceAccess access, Recommendations recommendations, Readers readers) {
        this.access = access;
        this.recommendations = recommendations;
        this.readers = readers;
    }

    @Operation(summary = "My recommendations", description = "The active ones first; each says why (reasons, rule, rule set, data used), "
            + "addressed to the reader: a representative reads the reasons about the person represented.")
    @GetMapping
    List<StoredRecommendation> list(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        return recommendations.of(acting.actor(), acting.space(), "citizen API: prevention").stream()
                .map(r -> forReader(r, acting)).toList();
    }

    private StoredRecommendation forReader(StoredRecommendation r, Acting acting) {
        Reader reader = readers.of(acting.actor(), acting.space());
        return reader.representative() ? r.withReasons(Reasons.forReader(r.reasons(), reader, Surfaces.LOCALE)) : r;
    }

    @Operation(summary = "I have read it")
    @PostMapping("/{recommendation}/seen")
    StoredRecommendation seen(Authentication caller, @PathVariable UUID space, @PathVariable UUID recommendation) {
        Acting acting = access.inUse(caller, space);
        StoredRecommendation found = recommendations.find(recommendation)
                .filter(r -> r.citizen().equals(acting.space()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "space " + space + " has no recommendation " + recommendation));
        recommendations.markSeen(acting.actor(), acting.space(), recommendation, "citizen API: prevention");
        return forReader(recommendations.find(found.id()).orElseThrow(), acting);
    }
}
