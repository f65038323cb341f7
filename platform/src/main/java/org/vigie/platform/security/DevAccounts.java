package org.vigie.platform.security;

import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The development accounts of embedded defaults (documented in docs/operations.md), password =
 * user name. A citizen account's user name is the citizen's external id: {@code camille} holds her
 * own space and, with {@code karim}, legally represents their daughter {@code lina} (a minor,
 * who has no account of her own).
 */
public final class DevAccounts {

    public record Account(String user, Role role) {
        public String password() {
            return user;
        }
    }

    public static final List<Account> ALL = List.of(
            new Account("camille", Role.CITIZEN),
            new Account("karim", Role.CITIZEN),
            new Account("committee", Role.COMMITTEE),
            new Account("analyst", Role.ANALYST),
            new Account("operator", Role.OPERATOR),
            new Account("ingestion", Role.INGESTION));

    /** The external id of the minor camille and karim represent. */
    public static final String REPRESENTED_MINOR = "lina";

    /** How the accounts' passwords are stored: in clear, they are published. */
    static final String STORED_PREFIX = "{noop}";

    /**
     * The encoder that checks them: {@code noop} only, also the encoding to store, so that Spring
     * Security never upgrades them to BCrypt (which would cost a BCrypt check on every request).
     */
    @SuppressWarnings("deprecation") // NoOpPasswordEncoder is deprecated as a warning, not for removal
    static PasswordEncoder passwords() {
        return new DelegatingPasswordEncoder("noop", Map.of("noop", NoOpPasswordEncoder.getInstance()));
    }

    private DevAccounts() {
    }
}
