package org.vigie.templates;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    public record Short(String title, String text) {
    }

    private static final Configuration FREEMARKER = configuration();

    private NotificationMessages() {
    }

    /** The e-mail of a notice, pointing at {@code link} (the space, never a specific topic). */
    public static Mail mail(Notice notice, String link, Locale locale) {
        Objects.requireNonNull(link, "an e-mail links to the space");
        Messages messages = Messages.of(locale);
        Map<String, Object> model = new HashMap<>();
        model.put("notice", notice.key());
        model.put("link", link);
        model.put("msg", (TemplateMethodModelEx) args -> {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) values[i] = DeepUnwrap.unwrap((TemplateModel) args.get(i));
            Object[] rest = new Object[values.length - 1];
            System.arraycopy(values, 1, rest, 0, rest.length);
            return messages.get(String.valueOf(values[0]), rest);
        });
        return new Mail(messages.get("mail." + notice.key() + ".subject"),
                render("mail/notification.txt.ftl", model, locale), render("mail/notification.html.ftl", model, locale));
    }

    /** The push message of a notice: not identifying, no topic. */
    public static Short push(Notice notice, Locale locale) {
        Messages messages = Messages.of(locale);
        return new Short(messages.get("push." + notice.key() + ".title"), messages.get("push." + notice.key() + ".text"));
    }

    /**
     * The notification-centre entry of a notice, read inside the space once logged in; a notice of
     * personalised prevention says so (P5).
     */
    public static Short centre(Notice notice, Locale locale) {
        Messages messages = Messages.of(locale);
        return new Short(messages.get("centre." + notice.key() + ".title"), messages.get("centre." + notice.key() + ".text"));
    }

    private static String render(String template, Map<String, Object> model, Locale locale) {
        try {
            StringWriter out = new StringWriter();
            FREEMARKER.getTemplate(template, locale).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the notification template " + template + " failed: " + e.getMessage(), e);
        }
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassLoaderForTemplateLoading(NotificationMessages.class.getClassLoader(), "vigie/templates");
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setLocalizedLookup(false);
        return c;
    }
}
