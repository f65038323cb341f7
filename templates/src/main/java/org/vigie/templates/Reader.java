package org.vigie.templates;

/**
 * Who reads a space's texts: its holder, or a representative reading the space of the person they
 * represent. Texts are addressed to the reader: the holder reads « Vous avez 11 ans », the legal
 * representative of a minor « Votre enfant a 11 ans ».
 */
public enum Reader {
    HOLDER,
    /** A legal representative of a minor: « votre enfant ». */
    LEGAL_REPRESENTATIVE,
    /** The representative of a protected adult: « la personne que vous représentez ». */
    PROTECTED_ADULT_REPRESENTATIVE;

    public boolean representative() {
        return this != HOLDER;
    }
}
