package org.vigie.engine.fact;

/** Where a fact came from; decides, with its type, the data category it belongs to. */
public enum Source {
    /** Entered by the holder (or a representative) in the space. */
    SELF,
    /** Written by a health professional, e.g. a DMP document. */
    PROFESSIONAL,
    /** The reimbursement history copied into the space: space data, covered by the opt-out (P2). */
    REIMBURSEMENT_HISTORY,
    /** Held by the health insurer outside the space: usable only with the pathway's consent (P3). */
    INSURER,
    /** A referenced application. */
    APP,
    /** The space's agenda. */
    AGENDA
}
