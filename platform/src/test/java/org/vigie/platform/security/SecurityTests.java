package org.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.platform.Api.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.CitizenSpaces;
import tools.jackson.databind.JsonNode;

/** How callers authenticate: development accounts on embedded defaults, and JWTs of the identity provider. */
@VigieApplicationTest
class SecurityTests {

    @LocalServerPort
    int port;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    UserDetailsService devAccounts;

    @Test
    void theDevelopmentCitizensHaveSpacesAndCamilleSwitchesToHerDaughters() {
        JsonNode me = json(Api.devAccount(port, "camille").get("/api/v1/me"));

        assertThat(me.get("subject").asString()).isEqualTo("camille");
        assertThat(me.get("own").get("id").asString()).isEqualTo(spaces.findByExternalId("camille").orElseThrow().toString());
        assertThat(me.get("represented")).hasSize(1);
        String lina = spaces.findByExternalId(DevAccounts.REPRESENTED_MINOR).orElseThrow().toString();
        assertThat(me.get("represented").get(0).get("id").asString()).isEqualTo(lina);
        assertThat(me.get("represented").get(0).get("capacity").asString()).isEqualTo("LEGAL_REPRESENTATIVE");

        HttpResponse<String> linasFacts = Api.devAccount(port, "karim").get("/api/v1/spaces/" + lina + "/facts?type=vaccinations");
        assertThat(linasFacts.statusCode()).isEqualTo(200);
        assertThat(json(linasFacts)).hasSize(2);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"committee, COMMITTEE", "analyst, ANALYST", "operator, OPERATOR", "ingestion, INGESTION"})
    void theOtherDevelopmentAccountsHoldTheirRole(String user, Role role) {
        HttpResponse<String> space = Api.devAccount(port, user).get("/api/v1/me");
        assertThat(space.statusCode()).isEqualTo(403);
        HttpResponse<String> evaluation = Api.devAccount(port, user).post("/api/v1/evaluations",
                "{\"citizenId\":\"x\",\"citizen\":{\"birthDate\":\"1960-01-01\",\"sex\":\"F\"}}");
        assertThat(evaluation.statusCode()).isEqualTo(role == Role.COMMITTEE || role == Role.OPERATOR ? 200 : 403);
    }

    @Test
    void aSignInLeavesTheDevelopmentPasswordsAsStoredInsteadOfUpgradingThemToBCrypt() {
        assertThat(Api.devAccount(port, "karim").get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(Api.devAccount(port, "karim").get("/api/v1/me").statusCode()).isEqualTo(200);

        // an upgraded password ({bcrypt}…) would cost a BCrypt check on every later request
        assertThat(devAccounts.loadUserByUsername("karim").getPassword()).isEqualTo("{noop}karim");
    }

    @Test
    void aWrongPasswordIsAProblemWithItsChallenge() {
        HttpResponse<String> response = Api.anonymous(port).withAuthorization(Api.basic("camille").replace("Basic ", "Basic x"))
                .get("/api/v1/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(c -> assertThat(c).contains("Bearer", "Basic"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = Api.token("camille", Instant.now().minusSeconds(3600), Role.CITIZEN);
        HttpResponse<String> response = Api.anonymous(port).withAuthorization("Bearer " + expired).get("/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:vigie:problem:unauthenticated");
    }

    @Test
    void aTokenNotSignedByTheIdentityProviderIsRefused() {
        String token = Api.token("camille", Instant.now().plusSeconds(600), Role.CITIZEN);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Api.token("operator", Instant.now().plusSeconds(600), Role.OPERATOR).split("\\.")[1] + "." + parts[2];
        HttpResponse<String> response = Api.anonymous(port).withAuthorization("Bearer " + forged).get("/api/v1/operator/citizens?externalId=camille");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheRoleIsForbidden() {
        HttpResponse<String> response = Api.as(port, "camille").get("/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:vigie:problem:forbidden");
    }

    @Test
    void anUnknownPathIsDeniedRatherThanOpen() {
        assertThat(Api.as(port, "operator", Role.OPERATOR).get("/api/v1/nothing-here").statusCode()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/nothing-here").statusCode()).isEqualTo(401);
    }

    @Test
    void devAccountsDefaultToEmbeddedDefaultsOnly() {
        assertThat(DevAccountsEnabled.enabled(null, null)).isTrue();
        assertThat(DevAccountsEnabled.enabled(null, "jdbc:postgresql://db/vigie")).isFalse();
        assertThat(DevAccountsEnabled.enabled("true", "jdbc:postgresql://db/vigie")).isTrue();
        assertThat(DevAccountsEnabled.enabled("false", null)).isFalse();
    }
}
