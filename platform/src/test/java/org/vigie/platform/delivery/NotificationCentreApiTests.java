package org.vigie.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.Api;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.security.Role;
import tools.jackson.databind.JsonNode;

/** The holder reads the notification centre through the citizen API, and marks an entry read. */
@VigieApplicationTest
class NotificationCentreApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void reset() {
        new DeliveryFixture(context).clock.reset();
    }

    @Test
    void listsTheNotificationsSayingTheyComeFromPersonalisedPreventionAndMarksThemRead() {
        DeliveryFixture world = new DeliveryFixture(context);
        world.at(LocalTime.of(10, 0));
        CitizenId c = world.activatedSpace();
        world.dispatchAll(); // no SMTP server: the e-mails wait, the centre does not
        String externalId = world.jdbc.sql("select external_id from citizen where id = ?").param(c.value()).query(String.class).single();
        Api holder = Api.as(port, externalId, Role.CITIZEN);
        String path = "/api/v1/spaces/" + c + "/notification-centre";

        JsonNode centre = Api.json(holder.get(path));
        int count = centre.get("notifications").size();
        assertThat(count).isPositive();
        assertThat(centre.get("unread").asInt()).isEqualTo(count);
        JsonNode first = centre.get("notifications").get(0);
        assertThat(first.get("personalisedPrevention").asBoolean()).isTrue();
        assertThat(first.get("title").asString()).isEqualTo("Nouvelle recommandation de prévention personnalisée");
        assertThat(first.get("text").asString()).contains("Ce message vient de la prévention personnalisée");
        assertThat(first.get("link").asString()).startsWith("prevention/recommendations/");

        HttpResponse<String> read = holder.post(path + "/" + first.get("id").asString() + "/read", "");
        assertThat(read.statusCode()).isEqualTo(204);
        assertThat(holder.post(path + "/" + first.get("id").asString() + "/read", "").statusCode()).as("again: no change").isEqualTo(204);
        assertThat(Api.json(holder.get(path)).get("unread").asInt()).isEqualTo(count - 1);
    }
}
