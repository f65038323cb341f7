package org.vigie.templates;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The citizen-facing wording, from the message bundle {@code vigie/messages/messages}: French by
 * default; another language is a {@code messages_<lang>.properties} with the same keys.
 */
public final class Messages {

    static final String BUNDLE = "vigie/messages/messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages of(Locale locale) {
        // the base bundle is French: no fallback to the JVM's default locale
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale, control), locale);
    }

    public static Messages french() {
        return of(Locale.FRENCH);
    }

    /** The message of {@code key} with its {@code {0}}-style arguments filled in. */
    public String get(String key, Object... arguments) {
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in " + BUNDLE + " for " + locale, e);
        }
    }
}
