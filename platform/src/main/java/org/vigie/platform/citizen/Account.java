package org.vigie.platform.citizen;

import static org.vigie.platform.citizen.AccountState.ACTIVATED;
import static org.vigie.platform.citizen.AccountState.CLOSED;
import static org.vigie.platform.citizen.AccountState.DECEASED;
import static org.vigie.platform.citizen.AccountState.NOT_CREATED;
import static org.vigie.platform.citizen.AccountState.OPEN;
import static org.vigie.platform.citizen.AccountState.OPPOSED;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The lifecycle of a citizen space (docs/space-sources.md#opening-activation-and-closure). Immutable: every move is a guarded
 * method returning the account in its new state, or refusing with {@link IllegalAccountTransition}.
 *
 * @param creationNotifiedAt when the creation notice was sent (the opposition delay runs from it); null: not yet
 * @param closedAt           when the space was (last) closed; null if never
 * @param deletionRequested  the holder asked, on closing, for the data to be deleted at once
 */
public record Account(CitizenId citizen, AccountState state, Instant creationNotifiedAt, Instant statusChangedAt,
                      Instant closedAt, boolean deletionRequested) {

    /** The holder may object to the creation of the space during six weeks from the notice. */
    public static final Duration OPPOSITION_DELAY = Duration.ofDays(42);
    /** Data of a closed space is kept ten years after closure (docs/space-sources.md#retention-after-closure). */
    public static final int RETENTION_YEARS = 10;

    public Account {
        Objects.requireNonNull(citizen);
        Objects.requireNonNull(state);
        Objects.requireNonNull(statusChangedAt);
    }

    /** Creates the space once the opposition delay is over. */
    public Account open(Instant at) {
        require(OPEN, at, EnumSet.of(NOT_CREATED));
        if (creationNotifiedAt == null) {
            throw new IllegalAccountTransition(state, OPEN, "no creation notice was sent, so the opposition delay has not started");
        }
        Instant delayEnd = creationNotifiedAt.plus(OPPOSITION_DELAY);
        if (at.isBefore(delayEnd)) {
            throw new IllegalAccountTransition(state, OPEN, "the opposition delay runs until " + delayEnd);
        }
        return moved(OPEN, at, closedAt, false);
    }

    /** The holder (or a legal representative) objects to the creation of the space. */
    public Account oppose(Instant at) {
        require(OPPOSED, at, EnumSet.of(NOT_CREATED));
        return moved(OPPOSED, at, closedAt, false);
    }

    /** The holder creates access to an open space. */
    public Account activate(Instant at) {
        require(ACTIVATED, at, EnumSet.of(OPEN));
        return moved(ACTIVATED, at, closedAt, false);
    }

    /** Closes the space; with {@code deleteData} its data is purged at once rather than after ten years. */
    public Account close(Instant at, boolean deleteData) {
        require(CLOSED, at, EnumSet.of(OPEN, ACTIVATED));
        return moved(CLOSED, at, at, deleteData);
    }

    /** The holder enrols again: the space is activated; see {@link #dataRestorableOn}. */
    public Account reopen(Instant at) {
        require(ACTIVATED, at, EnumSet.of(CLOSED));
        return moved(ACTIVATED, at, null, false);
    }

    public Account recordDeath(Instant at) {
        require(DECEASED, at, EnumSet.complementOf(EnumSet.of(DECEASED)));
        return moved(DECEASED, at, closedAt, deletionRequested);
    }

    /** Whether a closed space reopened at {@code at} finds its data again: within ten years, no deletion requested. */
    public boolean dataRestorableOn(Instant at) {
        return state == CLOSED && !deletionRequested && at.isBefore(retainedUntil());
    }

    /** The end of the retention of a closed space; null if it is not closed. */
    public Instant retainedUntil() {
        return closedAt == null ? null : closedAt.atOffset(ZoneOffset.UTC).plusYears(RETENTION_YEARS).toInstant();
    }

    private void require(AccountState requested, Instant at, Set<AccountState> allowedFrom) {
        Objects.requireNonNull(at, "a transition needs its time");
        if (!allowedFrom.contains(state)) {
            throw new IllegalAccountTransition(state, requested, "allowed only from " + allowedFrom);
        }
    }

    private Account moved(AccountState next, Instant at, Instant closed, boolean deletion) {
        return new Account(citizen, next, creationNotifiedAt, at, closed, deletion);
    }
}
