package org.vigie.platform.space;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.vigie.platform.citizen.Account;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Representatives;

/**
 * Decides, on every request, in which capacity the caller acts on a space: as its holder (the
 * caller's subject is the space's external id), as a representative whose access is open today,
 * or not at all. Role checks (only {@code CITIZEN} reaches this API) are the security module's.
 */
@Component
class SpaceAccess {

    private final CitizenSpaces spaces;
    private final Representatives representatives;
    private final Clock clock;

    SpaceAccess(CitizenSpaces spaces, Representatives representatives, Clock clock) {
        this.spaces = spaces;
        this.representatives = representatives;
        this.clock = clock;
    }

    /** The caller's own space, if the insurer knows them. */
    Optional<CitizenId> own(Authentication caller) {
        return spaces.findByExternalId(caller.getName());
    }

    /** The spaces the caller represents today. */
    Set<CitizenId> represented(Authentication caller) {
        return representatives.representedBy(caller.getName(), today());
    }

    /** The caller acting on a space in use (open or activated). */
    Acting inUse(Authentication caller, UUID space) {
        Acting acting = acting(caller, space);
        Account account = spaces.account(acting.space());
        if (!account.state().inUse()) {
            throw new SpaceUnavailable("space " + space + " is " + account.state() + ": it cannot be used");
        }
        return acting;
    }

    /** The caller acting on a space whatever its state: to reopen a closed space. */
    Acting anyState(Authentication caller, UUID space) {
        return acting(caller, space);
    }

    private Acting acting(Authentication caller, UUID space) {
        CitizenId id = new CitizenId(space);
        if (own(caller).filter(id::equals).isPresent()) {
            return new Acting(Actor.holder(id), id);
        }
        if (representatives.mayAct(caller.getName(), id, today())) {
            return new Acting(Actor.representative(caller.getName()), id);
        }
        throw new NotYourSpace(caller.getName(), space);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
