package org.vigie.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may call what. The API is stateless (no session, no cookie, hence no CSRF token): every
 * request carries its credentials, a JWT from the identity provider or, on embedded defaults, a
 * development account's HTTP Basic. Which citizen space a {@code CITIZEN} reaches is decided per
 * request by the space module.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // commands run without a web server, hence without callers
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, ObjectProvider<JwtDecoder> jwt,
                            ObjectProvider<UserDetailsService> devAccounts) throws Exception {
        boolean withJwt = jwt.getIfAvailable() != null;
        boolean withDevAccounts = devAccounts.getIfAvailable() != null;
        if (!withJwt && !withDevAccounts) {
            throw new IllegalStateException("no way to authenticate callers: configure the identity provider "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri) or, for development only, "
                    + "vigie.security.dev-accounts=true");
        }
        List<String> challenges = new ArrayList<>();
        if (withJwt) challenges.add("Bearer");
        if (withDevAccounts) challenges.add("Basic realm=\"vigie\"");
        var unauthenticated = ProblemResponses.unauthenticated(String.join(", ", challenges));

        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        // public: health, the API description, and the criteria catalogue (P5: anyone may read why)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/criteria").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the demo's mailbox page, which exists only under the demo command (no health data in e-mails, P7)
                        .requestMatchers(HttpMethod.GET, "/demo/mail").permitAll()
                        // a citizen's space: the holder or a representative, never COMMITTEE or ANALYST (P1)
                        .requestMatchers("/api/v1/me", "/api/v1/spaces/**").hasRole(Role.CITIZEN.name())
                        // the back office acts on accounts and representatives, traced in its name
                        .requestMatchers("/api/v1/operator/**").hasRole(Role.OPERATOR.name())
                        // population sweeps: counts only, no individual data
                        .requestMatchers("/api/v1/sweeps", "/api/v1/sweeps/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/ingestions").hasRole(Role.INGESTION.name())
                        // a made-up snapshot, evaluated and forgotten: the committee's test bench
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations").hasAnyRole(Role.COMMITTEE.name(), Role.OPERATOR.name())
                        .anyRequest().denyAll());
        if (withDevAccounts) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
            // password guessing: a wall clock, not the application's (which tests fix on a day)
            http.addFilterBefore(new SignInGuard(settings.signIn().attempts(Clock.systemUTC())), BasicAuthenticationFilter.class);
        }
        if (withJwt) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(ProblemResponses.forbidden())
                    .jwt(j -> j.jwtAuthenticationConverter(roles(settings.jwt()))));
        }
        return http.build();
    }

    /** The JWT's subject names the caller; its roles claim lists Vigie roles. */
    static JwtAuthenticationConverter roles(SecuritySettings.Jwt settings) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(settings.rolesClaim());
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        converter.setPrincipalClaimName(settings.subjectClaim());
        return converter;
    }

    /** The firewall's refusals are problems like every other refusal (picked up by Spring Security as a bean). */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return ProblemResponses.rejected();
    }

    @Bean
    @Conditional(DevAccountsEnabled.class)
    UserDetailsService devAccounts() {
        return new InMemoryUserDetailsManager(DevAccounts.ALL.stream()
                .map(a -> User.withUsername(a.user()).password(DevAccounts.STORED_PREFIX + a.password()).roles(a.role().name()).build())
                .toList());
    }

    /**
     * How the development accounts' passwords are checked: as stored, {@code {noop}}. Their passwords are
     * published (= user name), so hashing them protects nothing; with Spring's default encoder the first
     * sign-in re-encoded each one to BCrypt (the manager is a {@code UserDetailsPasswordService}) and every
     * later request, a wrong password or an unknown user included, paid a BCrypt check: ~70 ms of CPU
     * per request, measured, the whole cost of an authenticated call (docs/operations.md, "Capacity").
     * With {@code noop} as the encoding to store, nothing is upgraded.
     */
    @Bean
    @Conditional(DevAccountsEnabled.class)
    PasswordEncoder devAccountPasswords() {
        return DevAccounts.passwords();
    }

}
