package org.vigie.platform.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param devAccounts the documented development accounts (HTTP Basic); unset: on when the embedded
 *                    PostgreSQL is used (no {@code spring.datasource.url}), off otherwise
 * @param jwt         how a JWT names its subject and roles
 * @param signIn      how failed password sign-ins are contained
 */
@ConfigurationProperties("vigie.security")
record SecuritySettings(Boolean devAccounts, @DefaultValue Jwt jwt, @DefaultValue SignIn signIn) {

    /**
     * @param accountMaxFailures failures of one account, from anywhere, before it is locked
     * @param addressMaxFailures failures from one client address, whatever the account, before it is locked
     *                           (higher: many people may share an address)
     * @param firstLockout       the first lock; each failure after it doubles the next
     * @param maxLockout         the longest lock
     * @param window             failures older than this are forgotten
     * @param maxKeys            accounts and addresses tracked at most (memory bound)
     */
    record SignIn(@DefaultValue("5") int accountMaxFailures, @DefaultValue("20") int addressMaxFailures,
                  @DefaultValue("30s") Duration firstLockout, @DefaultValue("15m") Duration maxLockout,
                  @DefaultValue("15m") Duration window, @DefaultValue("100000") int maxKeys) {

        SignInAttempts attempts(Clock clock) {
            return new SignInAttempts(new SignInAttempts.Limit(accountMaxFailures, firstLockout),
                    new SignInAttempts.Limit(addressMaxFailures, firstLockout), window, maxLockout, maxKeys, clock);
        }
    }

    /**
     * @param rolesClaim   the claim listing the caller's roles ({@code CITIZEN}, {@code OPERATOR}, …)
     * @param subjectClaim the claim naming the caller: a citizen's external id (their INS)
     */
    record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String subjectClaim) {
    }
}
