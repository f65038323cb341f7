package org.vigie.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Contains password guessing on the HTTP Basic sign-in of the development accounts (and of any
 * account that signs in with a password): before the password is checked, an attempt whose account
 * or client address is locked by {@link SignInAttempts} gets {@code 429 application/problem+json}
 * with {@code Retry-After}; after it, a refusal (401) counts as a failure and an acceptance clears
 * the account's failures. Requests without a password (a JWT, none) pass untouched.
 */
final class SignInGuard extends OncePerRequestFilter {

    static final URI TOO_MANY_SIGN_INS = URI.create("urn:vigie:problem:too-many-sign-ins");

    private final SignInAttempts attempts;

    SignInGuard(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            chain.doFilter(request, response);
            return;
        }
        String account = account(header.substring(6).trim());
        String address = request.getRemoteAddr();
        var refusal = attempts.refusal(account, address);
        if (refusal.isPresent()) {
            long seconds = Math.max(1, (refusal.get().retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_SIGN_INS, "Too many failed sign-ins",
                    refusal.get().reason() + "; try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        // with credentials given, a 401 means they were refused (a missing role is a 403)
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            attempts.failed(account, address);
        } else if (account != null) {
            attempts.succeeded(account);
        }
    }

    /** The user name of a Basic credential, or null when it cannot be read (still a failure of the address). */
    static String account(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
