package org.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplication;

/**
 * Password guessing over HTTP Basic, on a server of its own (its limits are low, and locking the
 * test address would refuse every other test's sign-in).
 */
class SignInAbuseTests {

    @Test
    void failedSignInsLockTheAccountThenTheAddressWithATooManyRequestsProblem() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigieApplication.class).run(
                "--vigie.embedded-postgres.temporary=true", "--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:security/test-jwt.pub",
                "--vigie.security.sign-in.account-max-failures=3", "--vigie.security.sign-in.address-max-failures=6")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api wrongKarim = Api.anonymous(port).withAuthorization(Api.basic("karim").replace(Api.basic("karim").substring(6),
                    java.util.Base64.getEncoder().encodeToString("karim:guess".getBytes())));

            for (int i = 0; i < 3; i++) assertThat(wrongKarim.get("/api/v1/me").statusCode()).isEqualTo(401);

            // the right password no longer helps while the account is locked: it is not even checked
            HttpResponse<String> locked = Api.devAccount(port, "karim").get("/api/v1/me");
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(locked.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(Api.json(locked).get("type").asString()).isEqualTo("urn:vigie:problem:too-many-sign-ins");
            // another account from the same address still signs in
            assertThat(Api.devAccount(port, "camille").get("/api/v1/me").statusCode()).isEqualTo(200);

            // guessing across accounts: the address is locked at its own limit, for every account
            for (String user : new String[]{"a", "b", "c"}) {
                assertThat(Api.anonymous(port).withAuthorization(Api.basic(user)).get("/api/v1/me").statusCode()).isEqualTo(401);
            }
            assertThat(Api.devAccount(port, "camille").get("/api/v1/me").statusCode()).isEqualTo(429);
            // a caller with a token is not signing in with a password: untouched
            assertThat(Api.as(port, "camille", Role.CITIZEN).get("/api/v1/me").statusCode()).isEqualTo(200);
        }
    }
}
