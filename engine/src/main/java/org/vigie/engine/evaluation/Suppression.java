package org.vigie.engine.evaluation;

import org.vigie.engine.fact.CitizenFacts;

/** Why nothing was evaluated for a citizen: the account and opt-out guards (P2, P8). */
public enum Suppression {
    OPPOSED, CLOSED, DECEASED, OPT_OUT;

    /** The guard that stops evaluation for this citizen, or {@code null} when rules may run. */
    public static Suppression of(CitizenFacts citizen) {
        return switch (citizen.accountStatus()) {
            case OPPOSED -> OPPOSED;
            case CLOSED -> CLOSED;
            case DECEASED -> DECEASED;
            case OPEN, ACTIVATED -> citizen.preventionOptOut() ? OPT_OUT : null;
        };
    }
}
