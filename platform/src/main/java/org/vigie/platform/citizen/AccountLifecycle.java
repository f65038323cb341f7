package org.vigie.platform.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves citizen spaces through their lifecycle (docs/space-sources.md#opening-activation-and-closure): each move is guarded by
 * {@link Account}, traced, and published as {@link AccountStatusChanged}. The time of a move is
 * the clock's.
 */
@Service
public class AccountLifecycle {

    private final CitizenTable citizens;
    private final SpaceData data;
    private final Traces traces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountLifecycle(CitizenTable citizens, SpaceData data, Traces traces, ApplicationEventPublisher events, Clock clock) {
        this.citizens = citizens;
        this.data = data;
        this.traces = traces;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the space once the 6-week opposition delay has run out. */
    @Transactional
    public Account open(Actor actor, CitizenId citizen, String why) {
        return move(actor, citizen, why, "opened", Account::open);
    }

    @Transactional
    public Account oppose(Actor actor, CitizenId citizen, String why) {
        return move(actor, citizen, why, "opposed", Account::oppose);
    }

    @Transactional
    public Account activate(Actor actor, CitizenId citizen, String why) {
        return move(actor, citizen, why, "activated", Account::activate);
    }

    /** Closes the space; with {@code deleteData} its data goes at the next purge instead of ten years later. */
    @Transactional
    public Account close(Actor actor, CitizenId citizen, boolean deleteData, String why) {
        return move(actor, citizen, why, deleteData ? "closed, deletion of data requested" : "closed",
                (account, at) -> account.close(at, deleteData));
    }

    /**
     * Reopens a closed space (activated again). Its data is restored when closure was less than
     * ten years ago and no deletion was requested; otherwise the space starts empty.
     */
    @Transactional
    public Account reopen(Actor actor, CitizenId citizen, String why) {
        Account before = citizens.lock(citizen).account();
        Instant now = clock.instant();
        boolean restored = before.dataRestorableOn(now);
        if (!restored && before.state() == AccountState.CLOSED) {
            data.erase(citizen);
        }
        return move(actor, citizen, why, restored ? "reopened, data restored" : "reopened, empty", Account::reopen);
    }

    @Transactional
    public Account recordDeath(Actor actor, CitizenId citizen, String why) {
        return move(actor, citizen, why, "deceased", Account::recordDeath);
    }

    private Account move(Actor actor, CitizenId citizen, String why, String what, BiFunction<Account, Instant, Account> transition) {
        Account before = citizens.lock(citizen).account();
        Instant now = clock.instant();
        Account after = transition.apply(before, now);
        citizens.updateAccount(after, now);
        traces.record(actor, citizen, "account " + what, why);
        events.publishEvent(new AccountStatusChanged(citizen, before.state(), after.state(), now));
        return after;
    }
}
