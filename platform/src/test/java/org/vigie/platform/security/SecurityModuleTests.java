package org.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.vigie.platform.evaluation.RuleSets;

/**
 * The security module starts with {@code citizen} (and the database, and a clock of its own),
 * without any endpoint behind it: its filter chain asks an anonymous caller to sign in, refuses a
 * caller without the role, and lets through the one who has it, and anyone to the health.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "database")
@TestPropertySource(properties = {"vigie.embedded-postgres.temporary=true", "vigie.security.dev-accounts=true"})
class SecurityModuleTests {

    /** The application's clock is evaluation's bean: the module is given one of its own. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ModuleClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter security;

    @Autowired
    ApplicationContext context;

    @Test
    void asksAnonymousCallersToSignInRefusesTheWrongRoleAndLetsTheRightOneThrough() throws Exception {
        MockHttpServletResponse anonymous = call("/api/v1/operator/citizens", null);
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getHeader("WWW-Authenticate")).contains("Basic");

        assertThat(call("/api/v1/operator/citizens", "camille").getStatus()).as("a citizen").isEqualTo(403);
        assertThat(passes("/api/v1/operator/citizens", "operator")).as("an operator").isTrue();
        assertThat(passes("/actuator/health", null)).as("anyone, to the health").isTrue();
        assertThat(context.getBeanNamesForType(RuleSets.class)).as("evaluation is not started").isEmpty();
    }

    private MockHttpServletResponse call(String path, String account) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        security.doFilter(request(path, account), response, new MockFilterChain());
        return response;
    }

    private boolean passes(String path, String account) throws Exception {
        MockFilterChain endpoint = new MockFilterChain();
        security.doFilter(request(path, account), new MockHttpServletResponse(), endpoint);
        return endpoint.getRequest() != null;
    }

    private static MockHttpServletRequest request(String path, String account) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        // dev accounts: the password is the user name
        if (account != null) {
            request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((account + ":" + account).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
