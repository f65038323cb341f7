package org.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplication;

/**
 * Production settings: no development account, callers authenticated by the identity provider's
 * JWTs only; and no start at all when neither is configured.
 */
class ProductionSecurityTests {

    @Test
    void withoutDevelopmentAccountsOnlyTheIdentityProvidersTokensAreAccepted() {
        try (ConfigurableApplicationContext context = start(
                "--vigie.security.dev-accounts=false",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:security/test-jwt.pub")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            assertThat(Api.devAccount(port, "operator").get("/api/v1/operator/citizens?externalId=camille").statusCode()).isEqualTo(401);
            assertThat(Api.as(port, "agent-7", Role.OPERATOR).get("/api/v1/operator/citizens?externalId=nobody").statusCode())
                    .isEqualTo(400);
            // no development citizens are stored either
            assertThat(Api.as(port, "camille", Role.CITIZEN).get("/api/v1/me").body()).contains("\"own\":null");
        }
    }

    @Test
    void refusesToStartWithNoWayToAuthenticate() {
        assertThatThrownBy(() -> start("--vigie.security.dev-accounts=false").close())
                .hasStackTraceContaining("no way to authenticate callers");
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--vigie.embedded-postgres.temporary=true";
        all[1] = "--server.port=0";
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(VigieApplication.class).run(all);
    }
}
