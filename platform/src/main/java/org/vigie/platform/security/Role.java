package org.vigie.platform.security;

/**
 * The roles of the platform. {@code COMMITTEE} and {@code ANALYST} never reach an individual's data
 * (principle P1): no endpoint under a citizen's space grants them.
 */
public enum Role {
    /** A holder, or a representative acting on a represented space. */
    CITIZEN,
    /** The prevention committee: writes and reviews the rules, tries them on made-up snapshots. */
    COMMITTEE,
    /** Reviews campaign outcomes in aggregate only. */
    ANALYST,
    /** The insurer's back office: account lifecycle and representatives, traced in their name. */
    OPERATOR,
    /** A system loading data from the outside (bulk ingestion). */
    INGESTION;

    /** The authority Spring Security checks ({@code ROLE_CITIZEN}, …). */
    public String authority() {
        return "ROLE_" + name();
    }
}
