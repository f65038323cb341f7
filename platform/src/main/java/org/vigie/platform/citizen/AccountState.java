package org.vigie.platform.citizen;

import org.vigie.engine.fact.AccountStatus;

/** The lifecycle states of a citizen space; {@link Account} guards the moves between them. */
public enum AccountState {
    /** Known to the insurer; the space is not created yet (the 6-week opposition delay may be running). */
    NOT_CREATED,
    /** The space exists; the holder has not created access to it. */
    OPEN,
    /** The holder objected to the creation of the space. */
    OPPOSED,
    /** The holder created access to the space. */
    ACTIVATED,
    /** Closed by the holder: data kept ten years (unless deletion was requested), then purged. */
    CLOSED,
    /** Terminal. */
    DECEASED;

    /** The space exists and is not closed: open (not activated yet) or activated. */
    public boolean inUse() {
        return this == OPEN || this == ACTIVATED;
    }

    /**
     * Whether the citizen's data may serve personalised prevention: a space in use (P8) whose holder
     * has not opted out (P2). Otherwise nothing of their record is read for prevention, and nothing
     * of it is shown.
     */
    public boolean servesPrevention(boolean optedOut) {
        return inUse() && !optedOut;
    }

    /**
     * The contract's {@code accountStatus}. A space not created yet has no contract status: there
     * is nothing to evaluate, and asking is a programming error.
     */
    public AccountStatus toContract() {
        return switch (this) {
            case NOT_CREATED -> throw new IllegalStateException("a space that is not created yet has no snapshot to evaluate");
            case OPEN -> AccountStatus.OPEN;
            case OPPOSED -> AccountStatus.OPPOSED;
            case ACTIVATED -> AccountStatus.ACTIVATED;
            case CLOSED -> AccountStatus.CLOSED;
            case DECEASED -> AccountStatus.DECEASED;
        };
    }

    static AccountState fromContract(AccountStatus status) {
        return AccountState.valueOf(status.name());
    }
}
