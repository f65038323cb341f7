package org.vigie.platform.delivery;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.vigie.templates.NotificationMessages;
import org.vigie.templates.NotificationMessages.Mail;
import org.vigie.templates.NotificationMessages.Notice;
import org.vigie.templates.NotificationMessages.ShortMessage;

/**
 * The content of each kind of delivery, rendered once: a notification says only that something new
 * awaits in the space, with the space's link (P7), so it is the same for every citizen.
 */
final class Rendering {

    private final Map<Notice, Mail> mails = new EnumMap<>(Notice.class);
    private final Map<Notice, ShortMessage> pushes = new EnumMap<>(Notice.class);
    private final Map<Notice, ShortMessage> centre = new EnumMap<>(Notice.class);

    Rendering(String link, Locale locale) {
        for (Notice notice : Notice.values()) {
            mails.put(notice, NotificationMessages.mail(notice, link, locale));
            pushes.put(notice, NotificationMessages.push(notice, locale));
            centre.put(notice, NotificationMessages.centre(notice, locale));
        }
    }

    static Notice notice(DeliveryKind kind) {
        return switch (kind) {
            case RECOMMENDATION -> Notice.NEW_IN_SPACE;
            case MANDATORY -> Notice.MANDATORY;
            case AGENDA_REMINDER -> Notice.AGENDA_REMINDER;
            case DIGEST -> Notice.DIGEST;
        };
    }

    Mail mail(DeliveryKind kind) {
        return mails.get(notice(kind));
    }

    ShortMessage push(DeliveryKind kind) {
        return pushes.get(notice(kind));
    }

    ShortMessage centre(DeliveryKind kind) {
        return centre.get(notice(kind));
    }
}
