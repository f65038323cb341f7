package org.vigie.engine.fact;

/** Coding systems of reimbursed acts. */
public enum CodeSystem {
    CCAM, NABM
}
