package org.vigie.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.vigie.platform.citizen.CitizenSpaces;

/**
 * The web module starts with {@code input} (and the database the settings use), without any module
 * that serves an endpoint: its guard refuses a JSON body holding a NUL character, naming the field,
 * and lets a clean one through.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "database")
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class WebModuleTests {

    @Autowired
    InputGuard guard;

    @Autowired
    ApplicationContext context;

    @Test
    void refusesANulInAJsonFieldNamingItAndLetsACleanBodyThroughWithoutTheCitizens() throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        guard.doFilter(json("{\"contact\":{\"email\":\"a\\u0000b@example.org\"}}"), refused, notReached);

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("contact.email");
        assertThat(notReached.getRequest()).as("the endpoint is not reached").isNull();

        MockHttpServletResponse passed = new MockHttpServletResponse();
        MockFilterChain reached = new MockFilterChain();
        guard.doFilter(json("{\"contact\":{\"email\":\"ab@example.org\"}}"), passed, reached);

        assertThat(passed.getStatus()).isEqualTo(200);
        assertThat(reached.getRequest().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).contains("ab@example.org");
        assertThat(context.getBeanNamesForType(CitizenSpaces.class)).as("citizen is not started").isEmpty();
    }

    private static MockHttpServletRequest json(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/anything");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
