package org.vigie.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per account and per client address. After {@code maxFailures} failures of
 * a key within the window, the key is locked: its next attempts are refused without being checked
 * until the lock ends, and each failure after a lock doubles the next one, up to {@code maxLockout}.
 * A success clears the account's count (not the address's: an attacker's own account must not
 * wipe the failures of an address); a key without failure for a window is forgotten. Bounded: at
 * most {@code maxKeys} keys are held, the stale ones dropped first (and, past that, the whole table,
 * so that a flood of addresses cannot exhaust memory).
 */
final class SignInAttempts {

    /** When the caller may try again. */
    record Refusal(Duration retryAfter, String reason) {
    }

    record Limit(int maxFailures, Duration firstLockout) {
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Limit perAccount;
    private final Limit perAddress;
    private final Duration window;
    private final Duration maxLockout;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInAttempts(Limit perAccount, Limit perAddress, Duration window, Duration maxLockout, int maxKeys, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.maxLockout = maxLockout;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Whether an attempt for {@code account} (null when unreadable) from {@code address} is refused before any check. */
    Optional<Refusal> refusal(String account, String address) {
        Instant now = clock.instant();
        Optional<Refusal> byAddress = locked("address:" + address, now).map(d -> new Refusal(d, "too many failed sign-ins from this address"));
        if (byAddress.isPresent() || account == null) return byAddress;
        return locked("account:" + account, now).map(d -> new Refusal(d, "too many failed sign-ins for this account"));
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() >= maxKeys) forgetStale(now);
        record("address:" + address, perAddress, now);
        if (account != null) record("account:" + account, perAccount, now);
    }

    void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private Optional<Duration> locked(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) return Optional.empty();
        return Optional.of(Duration.between(now, f.lockedUntil()));
    }

    private void record(String key, Limit limit, Instant now) {
        failures.compute(key, (k, f) -> {
            int count = f == null || f.last().plus(window).isBefore(now) ? 1 : f.count() + 1;
            Instant lockedUntil = null;
            if (count >= limit.maxFailures()) {
                long doublings = Math.min(count - limit.maxFailures(), 20);
                Duration lockout = limit.firstLockout().multipliedBy(1L << doublings);
                lockedUntil = now.plus(lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout);
            }
            return new Failures(count, now, lockedUntil);
        });
    }

    private void forgetStale(Instant now) {
        failures.entrySet().removeIf(e -> e.getValue().last().plus(window).isBefore(now)
                && (e.getValue().lockedUntil() == null || !now.isBefore(e.getValue().lockedUntil())));
        if (failures.size() >= maxKeys) failures.clear();
    }
}
