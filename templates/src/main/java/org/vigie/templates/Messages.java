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
        return format(pattern(key), arguments);
    }

    /**
     * The message of {@code key} as {@code reader} reads it: a representative reads
     * {@code <key>.representative} when the bundle has it (a text that speaks to the person about
     * their own health), where {@code {personne}} (or {@code {Personne}} at the start of a sentence)
     * names the person represented.
     */
    public String get(String key, Reader reader, Object... arguments) {
        if (!reader.representative()) return get(key, arguments);
        String pattern = bundle.containsKey(key + REPRESENTATIVE) ? pattern(key + REPRESENTATIVE) : pattern(key);
        return format(person(pattern, reader), arguments);
    }

    /** {@code {personne}} and {@code {Personne}} of a text replaced by whom the reader represents. */
    String person(String text, Reader reader) {
        if (!reader.representative() || !text.contains("ersonne}")) return text;
        String person = pattern("reader." + reader.name());
        String capitalised = Character.toUpperCase(person.charAt(0)) + person.substring(1);
        return text.replace(PERSON, person).replace(CAPITALISED_PERSON, capitalised);
    }

    static final String REPRESENTATIVE = ".representative";
    static final String PERSON = "{personne}";
    static final String CAPITALISED_PERSON = "{Personne}";

    private String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in " + BUNDLE + " for " + locale, e);
        }
    }

    private String format(String pattern, Object... arguments) {
        return arguments.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(arguments);
    }
}
