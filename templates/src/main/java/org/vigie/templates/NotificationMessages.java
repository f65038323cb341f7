package org.vigie.templates;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The wording of notifications: e-mails (HTML and text, FreeMarker templates {@code mail/}), push
 * messages and the entries of the in-app notification centre, from the message bundle.
 *
 * <p>Principle P7: an e-mail or a push only says that something new awaits in the space, with a
 * link. The model a template sees is deliberately only the kind of notice and the link: no
 * campaign, no recommendation, no name, nothing a health topic could leak through.
 * {@code NotificationMessagesTest} renders everything for every campaign and looks for forbidden terms.
 */
public final class NotificationMessages {

    /** What the notice is about, as far as its wording goes. */
    public enum Notice {
        /** Something new from personalised prevention awaits in the space. */
        NEW_IN_SPACE,
        /** A notification the holder cannot switch off (access to the DMP, a document, ...). */
        MANDATORY,
        /** A reminder of the agenda (an appointment tomorrow, a reminder the holder set). */
        AGENDA_REMINDER,
        /** The daily digest of a holder who has not activated their space yet. */
        DIGEST;

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** An e-mail: subject, plain text and HTML. */
    public record Mail(String subject, String text, String html) {
    }

    /** A short notice: push title and body, or a notification-centre entry. */
    public record ShortMessage(String title, String text) {
    }

    private NotificationMessages() {
    }

    /** The e-mail of a notice, pointing at {@code link} (the space, never a specific topic). */
    public static Mail mail(Notice notice, String link, Locale locale) {
        Objects.requireNonNull(link, "an e-mail links to the space");
        Messages messages = Messages.of(locale);
        Map<String, Object> model = new HashMap<>();
        model.put("notice", notice.key());
        model.put("link", link);
        model.put("lang", locale.getLanguage()); // the HTML says which language it is written in
        model.put("msg", Templates.messages(messages));
        return new Mail(messages.get("mail." + notice.key() + ".subject"),
                Templates.render("mail/notification.txt.ftl", model, locale), Templates.render("mail/notification.html.ftl", model, locale));
    }

    /** The push message of a notice: not identifying, no topic. */
    public static ShortMessage push(Notice notice, Locale locale) {
        Messages messages = Messages.of(locale);
        return new ShortMessage(messages.get("push." + notice.key() + ".title"), messages.get("push." + notice.key() + ".text"));
    }

    /**
     * The notification-centre entry of a notice, read inside the space once logged in; a notice of
     * personalised prevention says so (P5).
     */
    public static ShortMessage centre(Notice notice, Locale locale) {
        Messages messages = Messages.of(locale);
        return new ShortMessage(messages.get("centre." + notice.key() + ".title"), messages.get("centre." + notice.key() + ".text"));
    }
}
