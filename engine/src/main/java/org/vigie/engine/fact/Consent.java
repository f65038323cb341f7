package org.vigie.engine.fact;

/** The holder's answer to the insurer-data consent journey of one pathway. */
public enum Consent {
    GRANTED, REFUSED, NOT_ASKED
}
