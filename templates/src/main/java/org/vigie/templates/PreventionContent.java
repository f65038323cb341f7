package org.vigie.templates;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.ProfileSection;
import org.vigie.engine.campaign.Professional;
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

    /** Where the recommendation stands when the surface is read. */
    public enum Stage {
        /** To do: due now or from a date, or planned when an appointment is booked for it. */
        DUE,
        /** Done: recorded as done in its period. */
        COMPLETED,
        /** Its period ended without it being done. */
        EXPIRED
    }

    /**
     * What a surface is about: the campaign, and the recommendation's reasons (as the rule wrote them,
     * to the holder), due period, the date of the appointment booked for it if any, and where it
     * stands, as read on {@code today} by {@code reader}.
     */
    public record Subject(Campaign campaign, List<String> reasons, LocalDate dueFrom, LocalDate dueBy, LocalDate plannedOn,
                          Stage stage, LocalDate today, String recommendationsLink, Reader reader) {

        public Subject {
            Objects.requireNonNull(campaign, "a surface shows one campaign's message");
            Objects.requireNonNull(dueFrom, "a recommendation is due from a date");
            Objects.requireNonNull(stage, "a recommendation stands somewhere");
            Objects.requireNonNull(today, "a surface is read on a date");
            Objects.requireNonNull(recommendationsLink, "a surface links to the recommendations, with why each is shown");
            Objects.requireNonNull(reader, "a surface is read by someone");
            reasons = List.copyOf(reasons);
        }

        /** A recommendation to do, nothing booked, read by its holder. */
        public Subject(Campaign campaign, List<String> reasons, LocalDate dueFrom, LocalDate dueBy, LocalDate today,
                       String recommendationsLink) {
            this(campaign, reasons, dueFrom, dueBy, null, Stage.DUE, today, recommendationsLink, Reader.HOLDER);
        }

        boolean planned() {
            return stage == Stage.DUE && plannedOn != null;
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
        Reader reader = subject.reader();
        String key = key(surface);
        String period = period(subject, locale);
        String section = surface == Surface.PROFILE_ALERT ? section(campaign.profileSection(), locale) : "";
        String title = messages.get("space." + key + ".title", reader, campaign.title(), section);
        String summary = messages.get("space." + key + ".summary", reader, period, section);
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("campaignTitle", campaign.title());
        model.put("description", campaign.description().strip());
        model.put("period", period);
        model.put("section", section);
        model.put("stage", subject.planned() ? "planned" : subject.stage().name().toLowerCase(Locale.ROOT));
        model.put("action", action(subject, messages));
        model.put("reasons", Reasons.forReader(subject.reasons(), reader, locale));
        model.put("link", subject.recommendationsLink());
        model.put("msg", Templates.messages(messages, reader));
        return new Text(title, summary, Templates.render("space/" + key + ".txt.ftl", model, locale).strip());
    }

    /**
     * What to do next, as the reader reads it: whom to book with (the campaign's {@code performedBy}:
     * a dental exam with a dentist), that nothing will be reminded before a booked appointment, or
     * nothing once it is done or over.
     */
    static String action(Subject subject, Messages messages) {
        if (subject.stage() != Stage.DUE) return "";
        if (subject.planned()) return messages.get("space.action.planned", subject.reader());
        List<Professional> professionals = subject.campaign().performedBy();
        if (professionals.isEmpty()) return messages.get("space.action.anyone", subject.reader());
        List<String> names = professionals.stream().map(p -> messages.get("professional." + p.name())).toList();
        String who = names.size() == 1 ? names.get(0)
                : String.join(messages.get("list.separator"), names.subList(0, names.size() - 1))
                + messages.get("list.lastSeparator") + names.get(names.size() - 1);
        return messages.get("space.action", subject.reader(), who);
    }

    /** « Ce message vous est proposé par la prévention personnalisée … », and how to object. */
    public static Provenance provenance(Locale locale) {
        return provenance(Reader.HOLDER, locale);
    }

    /** As {@link #provenance(Locale)}, addressed to {@code reader}. */
    public static Provenance provenance(Reader reader, Locale locale) {
        Messages messages = Messages.of(locale);
        return new Provenance(messages.get("space.provenance", reader), messages.get("space.objection", reader));
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
     * Beyond this, a due-by date is not shown: « recommandé jusqu'au 11 mai 2049 » reads as a
     * deadline decades away, when it is only the end of an age band.
     */
    public static final Period DEADLINE_HORIZON = Period.ofYears(1);

    /**
     * Where the recommendation stands, in a sentence read on {@code today}: done, over, planned
     * (« Rendez-vous prévu le 23 mars 2026. »), or its due period: « À faire à partir du 16 mars 2026. »,
     * « À faire dès maintenant, au plus tard le 28 février 2027. »; a due-by date more than
     * {@link #DEADLINE_HORIZON} away is left out.
     */
    public static String period(Subject subject, Locale locale) {
        Messages messages = Messages.of(locale);
        return switch (subject.stage()) {
            case COMPLETED -> messages.get("space.period.completed", subject.reader());
            case EXPIRED -> messages.get("space.period.expired", subject.reader());
            case DUE -> subject.planned() ? messages.get("space.period.planned", subject.reader(), date(subject.plannedOn(), locale))
                    : period(subject.dueFrom(), subject.dueBy(), subject.today(), locale);
        };
    }

    /** The due period in a sentence, as read on {@code today} (see {@link #period(Subject, Locale)}). */
    public static String period(LocalDate dueFrom, LocalDate dueBy, LocalDate today, Locale locale) {
        Messages messages = Messages.of(locale);
        boolean deadline = dueBy != null && !dueBy.isAfter(today.plus(DEADLINE_HORIZON));
        if (dueFrom.isAfter(today)) {
            return deadline ? messages.get("space.period.fromUntil", date(dueFrom, locale), date(dueBy, locale))
                    : messages.get("space.period.from", date(dueFrom, locale));
        }
        return deadline ? messages.get("space.period.nowUntil", date(dueBy, locale)) : messages.get("space.period.now");
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
