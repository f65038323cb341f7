package org.vigie.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons of a recommendation as their reader reads them. Rules write reasons once, to the
 * holder (« Vous avez 11 ans et aucun examen n'est enregistré depuis votre anniversaire. »); a
 * representative reads them about the person represented (« Votre enfant a 11 ans et aucun examen
 * n'est enregistré depuis son anniversaire. »). The phrase book {@value #PHRASES} says how each
 * phrase that speaks to the holder reads for a representative, longest phrase first, whatever the
 * rule: committee authors write one form, and {@code ReaderWordingTest} renders every reason of
 * every scenario for a representative and fails on a phrase the book lacks.
 */
public final class Reasons {

    static final String PHRASES = "vigie/messages/representative-phrases.txt";

    private static final PhraseBook BOOK = PhraseBook.load();

    private Reasons() {
    }

    /** The reasons as {@code reader} reads them, in the same order. */
    public static List<String> forReader(List<String> reasons, Reader reader, Locale locale) {
        if (!reader.representative()) return List.copyOf(reasons);
        Messages messages = Messages.of(locale);
        return reasons.stream().map(r -> messages.person(BOOK.rewrite(r), reader)).toList();
    }

    /** Holder phrases to representative phrases, matched as whole words, with or without a capital first letter. */
    private record PhraseBook(Pattern holder, Map<String, String> representative) {

        static PhraseBook load() {
            Map<String, String> phrases = new LinkedHashMap<>();
            try (InputStream in = Reasons.class.getClassLoader().getResourceAsStream(PHRASES)) {
                if (in == null) throw new IllegalStateException("no phrase book " + PHRASES + " on the class path");
                int line = 0;
                for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    line++;
                    text = text.strip();
                    if (text.isEmpty() || text.startsWith("#")) continue;
                    String[] parts = text.split("\\s*=>\\s*", -1);
                    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                        throw new IllegalStateException(PHRASES + " line " + line + ": expected « phrase du titulaire => phrase du représentant »");
                    }
                    if (phrases.put(key(parts[0]), parts[1]) != null) {
                        throw new IllegalStateException(PHRASES + " line " + line + ": « " + parts[0] + " » is given twice");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> longestFirst = new ArrayList<>(phrases.keySet());
            longestFirst.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}'’])(");
            for (int i = 0; i < longestFirst.size(); i++) {
                String phrase = longestFirst.get(i);
                if (i > 0) regex.append('|');
                regex.append("[").append(phrase.charAt(0)).append(Character.toUpperCase(phrase.charAt(0))).append("]")
                        .append(Pattern.quote(phrase.substring(1)));
            }
            regex.append(")(?![\\p{L}\\p{N}])");
            return new PhraseBook(Pattern.compile(regex.toString()), phrases);
        }

        /** A phrase as the book keys it: its first letter in lower case. */
        static String key(String phrase) {
            return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
        }

        String rewrite(String reason) {
            if (representative.isEmpty()) return reason;
            Matcher m = holder.matcher(reason);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String found = m.group(1);
                String replacement = representative.get(key(found));
                if (Character.isUpperCase(found.charAt(0))) replacement = capitalised(replacement);
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }

        private static String capitalised(String phrase) {
            if (phrase.startsWith(Messages.PERSON)) return Messages.CAPITALISED_PERSON + phrase.substring(Messages.PERSON.length());
            return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
        }
    }
}
