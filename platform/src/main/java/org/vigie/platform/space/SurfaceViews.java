package org.vigie.platform.space;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.vigie.engine.campaign.ProfileSection;
import org.vigie.platform.recommendation.RecommendationStatus;
import org.vigie.platform.surface.SurfaceItem;
import org.vigie.platform.surface.Surfaces;
import org.vigie.platform.surface.SurfaceItem.Provenance;
import org.vigie.platform.surface.SurfaceItem.Why;
import org.vigie.templates.PreventionContent;

/**
 * The JSON of the prevention surfaces, one record per list item and per item read. Every one says
 * it comes from personalised prevention and why ({@code provenance}, {@code why}: P5); {@code unread}
 * is true until the holder or a representative reads the item (or another surface of the same
 * recommendation). Links are paths of this API.
 */
final class SurfaceViews {

    private SurfaceViews() {
    }

    static String path(UUID space, String surface, SurfaceItem item) {
        return "/api/v1/spaces/" + space + "/" + surface + "/" + item.recommendation();
    }

    /** A card of « À la une »: a title, a short text, and the article it opens. */
    record FeedCard(UUID id, String title, String text, boolean unread, Instant date, String article, Provenance provenance,
                    Why why) {

        static FeedCard of(UUID space, SurfaceItem item) {
            return new FeedCard(item.recommendation(), item.title(), item.summary(), item.unread(), item.date(),
                    path(space, "feed", item), item.provenance(), item.why());
        }
    }

    /** The article behind a card. */
    record FeedArticle(UUID id, String title, String text, String body, RecommendationStatus status, boolean unread, Instant date,
                       LocalDate dueFrom, LocalDate dueBy, Provenance provenance, Why why) {

        static FeedArticle of(SurfaceItem item) {
            return new FeedArticle(item.recommendation(), item.title(), item.summary(), item.body(), item.status(), item.unread(),
                    item.date(), item.dueFrom(), item.dueBy(), item.provenance(), item.why());
        }
    }

    /**
     * An agenda entry of kind RECOMMENDED: the appointment or vaccination the engine recommends, in its
     * due period; {@code plannedOn}, the date of the appointment already booked for it, if any.
     */
    record RecommendedEntry(UUID id, String kind, String title, String text, LocalDate dueFrom, LocalDate dueBy, LocalDate plannedOn,
                            boolean unread, Instant date, String link, Provenance provenance, Why why) {

        static final String KIND = "RECOMMENDED";

        static RecommendedEntry of(UUID space, SurfaceItem item) {
            return new RecommendedEntry(item.recommendation(), KIND, item.title(), item.summary(), item.dueFrom(), item.dueBy(),
                    item.plannedOn(), item.unread(), item.date(), path(space, "agenda/recommended", item), item.provenance(), item.why());
        }
    }

    /** One recommended entry, read. */
    record RecommendedEntryDetail(UUID id, String kind, String title, String text, String body, LocalDate dueFrom, LocalDate dueBy,
                                  LocalDate plannedOn, RecommendationStatus status, boolean unread, Instant date, Provenance provenance,
                                  Why why) {

        static RecommendedEntryDetail of(SurfaceItem item) {
            return new RecommendedEntryDetail(item.recommendation(), RecommendedEntry.KIND, item.title(), item.summary(), item.body(),
                    item.dueFrom(), item.dueBy(), item.plannedOn(), item.status(), item.unread(), item.date(), item.provenance(),
                    item.why());
        }
    }

    /** An alert on a section of the medical profile: the section's banner. */
    record ProfileAlert(UUID id, ProfileSection section, String sectionLabel, String title, String text, boolean unread,
                        Instant date, LocalDate dueFrom, LocalDate dueBy, String link, Provenance provenance, Why why) {

        static ProfileAlert of(UUID space, SurfaceItem item) {
            return new ProfileAlert(item.recommendation(), item.section(), item.sectionLabel(), item.title(), item.summary(),
                    item.unread(), item.date(), item.dueFrom(), item.dueBy(), path(space, "profile/alerts", item), item.provenance(),
                    item.why());
        }
    }

    /** One profile alert, read. */
    record ProfileAlertDetail(UUID id, ProfileSection section, String sectionLabel, String title, String text, String body,
                              RecommendationStatus status, boolean unread, Instant date, LocalDate dueFrom, LocalDate dueBy,
                              Provenance provenance, Why why) {

        static ProfileAlertDetail of(SurfaceItem item) {
            return new ProfileAlertDetail(item.recommendation(), item.section(), item.sectionLabel(), item.title(), item.summary(),
                    item.body(), item.status(), item.unread(), item.date(), item.dueFrom(), item.dueBy(), item.provenance(),
                    item.why());
        }
    }

    /** A prevention message in the secure-messaging inbox; it can never be answered. */
    record MessageSummary(UUID id, String sender, String subject, String preview, Instant date, boolean unread,
                          boolean replyAllowed, String link, Provenance provenance, Why why) {

        static MessageSummary of(UUID space, SurfaceItem item) {
            return new MessageSummary(item.recommendation(), PreventionContent.sender(Surfaces.LOCALE), item.title(), item.summary(),
                    item.date(), item.unread(), false, path(space, "messages", item), item.provenance(), item.why());
        }
    }

    /** One prevention message, read: display-only, as the welcome message of the space is. */
    record Message(UUID id, String sender, String subject, String body, RecommendationStatus status, Instant date, boolean unread,
                   boolean replyAllowed, String displayOnly, Provenance provenance, Why why) {

        static Message of(SurfaceItem item) {
            return new Message(item.recommendation(), PreventionContent.sender(Surfaces.LOCALE), item.title(), item.body(),
                    item.status(), item.date(), item.unread(), false, PreventionContent.displayOnly(Surfaces.LOCALE),
                    item.provenance(), item.why());
        }
    }
}
