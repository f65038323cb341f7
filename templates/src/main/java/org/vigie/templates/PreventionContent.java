package org.vigie.templates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.ProfileSection;
import org.vigie.engine.campaign.Surface;

/**
 * What the citizen reads on the surfaces of their space (« À la une », the agenda, a profile alert,
 * the secure messaging): rendered from the campaign's declaration and the citizen's own
 * recommendation, the wording around them from the message bundle and the FreeMarker templates
 * {@code space/}. Unlike an e-mail or a push (P7), these are read inside the space once logged in:
 * they name the topic. Every text says it comes from personalised prevention, why (the reasons and
 * the campaign's criteria) and how to object (P2, P5), and that it decides nothing (P6).
 */
public final class PreventionContent {

    /**
     * What a surface is about: the campaign, and the recommendation's reasons and due period, as read
     * on {@code today} (a period already started reads « dès maintenant », not a date years ago).
     */
    public record Subject(Campaign campaign, List<String> reasons, LocalDate dueFrom, LocalDate dueBy, LocalDate today,
                          String recommendationsLink) {

        public Subject {
            Objects.requireNonNull(campaign, "a surface shows one campaign's message");
            Objects.requireNonNull(dueFrom, "a recommendation is due from a date");
            Objects.requireNonNull(today, "a surface is read on a date");
            Objects.requireNonNull(recommendationsLink, "a surface links to the recommendations, with why each is shown");
            reasons = List.copyOf(reasons);
        }
    }

    /** The texts of one surface: its title, a short text for lists (a card, an entry, a banner), the full text. */
    public record Text(String title, String summary, String body) {
    }

    /** Where the content comes from (P5) and how to object to it (P2). */
    public record Provenance(String text, String objection) {
    }

    private PreventionContent() {
    }

    /** The texts of {@code surface} for the subject; the campaign must display on it. */
    public static Text render(Surface surface, Subject subject, Locale locale) {
        Campaign campaign = subject.campaign();
        if (!campaign.displaysOn(surface)) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " does not display on " + surface);
        }
        Messages messages = Messages.of(locale);
        String key = key(surface);
        String period = period(subject.dueFrom(), subject.dueBy(), subject.today(), locale);
        String section = surface == Surface.PROFILE_ALERT ? section(campaign.profileSection(), locale) : "";
        String title = messages.get("space." + key + ".title", campaign.title(), section);
        String summary = messages.get("space." + key + ".summary", period, section);
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("campaignTitle", campaign.title());
        model.put("description", campaign.description().strip());
        model.put("period", period);
        model.put("section", section);
        model.put("reasons", subject.reasons());
        model.put("link", subject.recommendationsLink());
        model.put("msg", Templates.messages(messages));
        return new Text(title, summary, Templates.render("space/" + key + ".txt.ftl", model, locale).strip());
    }

    /** « Ce message vous est proposé par la prévention personnalisée … », and how to object. */
    public static Provenance provenance(Locale locale) {
        Messages messages = Messages.of(locale);
        return new Provenance(messages.get("space.provenance"), messages.get("space.objection"));
    }

    /** The sender of prevention messages in the secure messaging. */
    public static String sender(Locale locale) {
        return Messages.of(locale).get("space.secure-message.sender");
    }

    /** Why a prevention message of the secure messaging cannot be answered, as the citizen reads it. */
    public static String displayOnly(Locale locale) {
        return Messages.of(locale).get("space.secure-message.displayOnly");
    }

    /** The name of a section of the medical profile, as the profile shows it. */
    public static String section(ProfileSection section, Locale locale) {
        return Messages.of(locale).get("profileSection." + Objects.requireNonNull(section, "no profile section"));
    }

    /**
     * The due period in a sentence, as read on {@code today}: « À faire à partir du 16 mars 2026 ;
     * recommandé jusqu'au 9 janvier 2041. », or « À faire dès maintenant. » once it has started.
     */
    public static String period(LocalDate dueFrom, LocalDate dueBy, LocalDate today, Locale locale) {
        Messages messages = Messages.of(locale);
        if (dueFrom.isAfter(today)) {
            return dueBy == null ? messages.get("space.period.from", date(dueFrom, locale))
                    : messages.get("space.period.fromUntil", date(dueFrom, locale), date(dueBy, locale));
        }
        return dueBy == null ? messages.get("space.period.now") : messages.get("space.period.nowUntil", date(dueBy, locale));
    }

    /** A date as a French sentence writes it: « 16 mars 2026 », « 1er mars 2026 ». */
    public static String date(LocalDate date, Locale locale) {
        String formatted = date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
        return date.getDayOfMonth() == 1 && "fr".equals(locale.getLanguage()) ? "1er" + formatted.substring(1) : formatted;
    }

    private static String key(Surface surface) {
        return surface.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
