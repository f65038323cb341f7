package org.vigie.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param devAccounts the documented development accounts (HTTP Basic); unset: on when the embedded
 *                    PostgreSQL is used (no {@code spring.datasource.url}), off otherwise
 * @param jwt         how a JWT names its subject and roles
 */
@ConfigurationProperties("vigie.security")
record SecuritySettings(Boolean devAccounts, @DefaultValue Jwt jwt) {

    /**
     * @param rolesClaim   the claim listing the caller's roles ({@code CITIZEN}, {@code OPERATOR}, …)
     * @param subjectClaim the claim naming the caller: a citizen's external id (their INS)
     */
    record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String subjectClaim) {
    }
}
