package org.vigie.platform.surface;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.ProfileSection;
import org.vigie.engine.campaign.Surface;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.PreventionChoices;
import org.vigie.platform.citizen.Traces;
import org.vigie.platform.evaluation.RuleSets;
import org.vigie.platform.recommendation.RecommendationStatus;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.platform.recommendation.StoredRecommendation;
import org.vigie.templates.PreventionContent;
import org.vigie.templates.Reader;
import org.vigie.templates.Reasons;

/**
 * What each surface of a space shows, derived at read time from the stored recommendations and the
 * campaigns' declared surfaces. The feed, the agenda and the profile alerts show active
 * recommendations; the secure messaging is a history that also keeps the messages of completed and
 * expired ones, never of withdrawn ones. Listing is traced as a read; reading one item is traced
 * and marks its recommendation seen.
 */
@Service
public class Surfaces {

    /** The language of the space: French (the bundle's default). */
    public static final Locale LOCALE = Locale.FRENCH;


    private final Recommendations recommendations;
    private final CitizenSpaces spaces;
    private final PreventionChoices choices;
    private final Traces traces;
    private final RuleSets ruleSets;
    private final Readers readers;
    private final Clock clock;

    Surfaces(Recommendations recommendations, CitizenSpaces spaces, PreventionChoices choices, Traces traces,
             RuleSets ruleSets, Readers readers, Clock clock) {
        this.readers = readers;
        this.recommendations = recommendations;
        this.spaces = spaces;
        this.choices = choices;
        this.traces = traces;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /**
     * The items of a surface; for profile alerts, only those on {@code section} when it is given.
     * Traced as a read; nothing is marked seen.
     */
    @Transactional
    public List<SurfaceItem> list(Actor actor, CitizenId citizen, Surface surface, ProfileSection section, String why) {
        if (!showsPrevention(citizen)) {
            // opted out or not in use: whatever rows the asynchronous re-evaluation has not withdrawn yet stay unread
            traces.record(actor, citizen, listed(surface), why);
            return List.of();
        }
        Map<String, Campaign> campaigns = campaigns();
        Comparator<SurfaceItem> order = surface == Surface.AGENDA
                ? Comparator.comparing(SurfaceItem::dueFrom).thenComparing(SurfaceItem::key)
                : Comparator.comparing(SurfaceItem::date).reversed().thenComparing(SurfaceItem::key);
        Reader reader = readers.of(actor, citizen);
        return recommendations.of(actor, citizen, listed(surface), why).stream()
                .filter(r -> shows(surface, campaigns.get(r.campaign()), r.status()))
                .filter(r -> section == null || campaigns.get(r.campaign()).profileSection() == section)
                .map(r -> item(surface, campaigns.get(r.campaign()), r, reader))
                .sorted(order)
                .toList();
    }

    /**
     * One item of a surface, read by the holder or a representative: traced, and its recommendation
     * marked seen. Empty when the space has no such item on that surface — another space's
     * recommendation, a campaign that does not display there, a status the surface does not show,
     * or a space that shows no prevention at all — without telling which.
     */
    @Transactional
    public Optional<SurfaceItem> read(Actor actor, CitizenId citizen, Surface surface, UUID recommendation, String why) {
        Optional<StoredRecommendation> found = recommendations.find(recommendation).filter(r -> r.citizen().equals(citizen));
        if (found.isEmpty() || !showsPrevention(citizen)) return Optional.empty();
        Campaign campaign = campaigns().get(found.get().campaign());
        if (!shows(surface, campaign, found.get().status())) return Optional.empty();
        recommendations.markSeen(actor, citizen, recommendation, why);
        // read again: SEEN now, or closed meanwhile by a concurrent re-evaluation
        StoredRecommendation now = recommendations.find(recommendation).orElseThrow();
        if (!shows(surface, campaign, now.status())) return Optional.empty();
        traces.record(actor, citizen, opened(surface), why);
        return Optional.of(item(surface, campaign, now, readers.of(actor, citizen)));
    }

    /** P2 and P8 at read time: the re-evaluation withdraws the rows shortly after, reads do not wait for it. */
    private boolean showsPrevention(CitizenId citizen) {
        // the API refuses a space not in use already: this is defence in depth (P8)
        return spaces.account(citizen).state().servesPrevention(choices.optedOut(citizen));
    }

    static boolean shows(Surface surface, Campaign campaign, RecommendationStatus status) {
        if (campaign == null || !campaign.displaysOn(surface)) return false;
        // the inbox is a history: a completed or expired recommendation's message stays, a withdrawn one's goes
        return surface == Surface.SECURE_MESSAGE ? status != RecommendationStatus.WITHDRAWN : status.active();
    }

    static boolean unread(RecommendationStatus status) {
        return status == RecommendationStatus.OPEN || status == RecommendationStatus.NOTIFIED;
    }

    /** Where the holder reads every recommendation with its rule, rule set and data used. */
    private static String recommendationsLink(CitizenId citizen) {
        return "/api/v1/spaces/" + citizen.value() + "/recommendations";
    }

    private SurfaceItem item(Surface surface, Campaign campaign, StoredRecommendation r, Reader reader) {
        // a message of the inbox reads as on the day it came; the other surfaces as today
        LocalDate readOn = surface == Surface.SECURE_MESSAGE ? LocalDate.ofInstant(r.createdAt(), clock.getZone()) : LocalDate.now(clock);
        PreventionContent.Text text = PreventionContent.render(surface,
                new PreventionContent.Subject(campaign, r.reasons(), r.dueFrom(), r.dueBy(), r.plannedOn(), stage(r.status()), readOn,
                        recommendationsLink(r.citizen()), reader),
                LOCALE);
        PreventionContent.Provenance provenance = PreventionContent.provenance(reader, LOCALE);
        ProfileSection section = surface == Surface.PROFILE_ALERT ? campaign.profileSection() : null;
        return new SurfaceItem(r.id(), surface, r.campaign(), r.key(), r.status(), unread(r.status()), r.createdAt(),
                r.dueFrom(), r.dueBy(), r.plannedOn(), section, section == null ? null : PreventionContent.section(section, LOCALE),
                text.title(), text.summary(), text.body(),
                new SurfaceItem.Provenance(provenance.text(), provenance.objection()),
                new SurfaceItem.Why(Reasons.forReader(r.reasons(), reader, LOCALE), campaign.description().strip(),
                        recommendationsLink(r.citizen())));
    }

    /** Where the recommendation stands, for its wording: done and over read so, whatever the surface. */
    static PreventionContent.Stage stage(RecommendationStatus status) {
        return switch (status) {
            case COMPLETED -> PreventionContent.Stage.COMPLETED;
            case EXPIRED -> PreventionContent.Stage.EXPIRED;
            default -> PreventionContent.Stage.DUE;
        };
    }

    private Map<String, Campaign> campaigns() {
        return ruleSets.live().campaigns().stream().collect(Collectors.toMap(Campaign::id, Function.identity()));
    }

    private static String listed(Surface surface) {
        return switch (surface) {
            case FEED -> "read prevention feed";
            case AGENDA -> "read recommended agenda entries";
            case PROFILE_ALERT -> "read profile alerts";
            case SECURE_MESSAGE -> "read prevention messages";
        };
    }

    private static String opened(Surface surface) {
        return switch (surface) {
            case FEED -> "read prevention feed article";
            case AGENDA -> "read recommended agenda entry";
            case PROFILE_ALERT -> "read profile alert";
            case SECURE_MESSAGE -> "read prevention message";
        };
    }
}
