package org.vigie.engine.json;

/**
 * The text the contract accepts: no U+0000 anywhere, no lone surrogate, and for identifiers and
 * codes a bounded length without spaces or control characters.
 */
public final class ContractText {

    /** The longest {@code citizenId}: a pseudonymous id, not a document. */
    public static final int MAX_ID_LENGTH = 256;
    /** The longest clinical code (ICD-10, ATC, CCAM, NABM codes are at most 8 characters). */
    public static final int MAX_CODE_LENGTH = 32;
    /** How much of a refused value an error message shows. */
    private static final int SHOWN = 40;

    private ContractText() {
    }

    /** What is wrong with any text of the contract, or null. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000) at position " + i;
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase() + ") at position " + i
                        + ": not a character";
            }
        }
        return null;
    }

    /** What is wrong with a {@code citizenId}, or null. */
    public static String problemOfId(String id) {
        if (id.isBlank()) {
            return "must not be blank (leave it out when there is none)";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "is " + id.length() + " characters long; at most " + MAX_ID_LENGTH;
        }
        if (id.strip().length() != id.length()) {
            return "'" + shown(id) + "' starts or ends with a space";
        }
        return controlCharacter(id);
    }

    /** What is wrong with a clinical code, or null: a code has no space and no control character. */
    public static String problemOfCode(String code) {
        if (code.length() > MAX_CODE_LENGTH) {
            return "is " + code.length() + " characters long; at most " + MAX_CODE_LENGTH;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "'" + shown(code) + "' contains a space at position " + i + " (a code has none)";
            }
        }
        return controlCharacter(code);
    }

    private static String controlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return "'" + shown(text) + "' contains a control character at position " + i;
            }
        }
        return null;
    }

    /** The start of a value for an error message, printable: control characters and surrogates escaped. */
    public static String shown(String text) {
        String start = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
        StringBuilder sb = new StringBuilder();
        start.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
