package org.vigie.engine.fact;

/** State of the citizen space on the reference date (contract `accountStatus`). */
public enum AccountStatus {
    OPEN, ACTIVATED, OPPOSED, CLOSED, DECEASED
}
