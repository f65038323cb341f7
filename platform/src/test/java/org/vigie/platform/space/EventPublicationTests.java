package org.vigie.platform.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.platform.Publications;
import org.vigie.platform.RecordedEvents;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.AccountStatusChanged;
import org.vigie.platform.citizen.ConsentChanged;
import org.vigie.platform.citizen.FactsChanged;
import org.vigie.platform.citizen.PreventionOptOutChanged;

/**
 * Every change made through the API publishes its event through Spring Modulith's publication
 * registry on PostgreSQL: a publication row is written with the change, in its transaction, and
 * completed once the listener has run; a refused change publishes nothing.
 */
@VigieApplicationTest
class EventPublicationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    RecordedEvents events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyChangeReachesTheListenersThroughTheRegistry() {
        SpaceFixture.Space space = new SpaceFixture(context).create();
        var holder = space.holder(port);

        holder.post(space.path() + "/facts/conditions", "{\"code\":\"E11\"}");
        holder.put(space.path() + "/prevention/opt-out", "{\"optedOut\":true}");
        holder.put(space.path() + "/prevention/consents/PREGNANCY", "{\"consent\":\"GRANTED\"}");
        holder.post(space.path() + "/activation", "");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events.received())
                .anyMatch(e -> e instanceof FactsChanged f && f.citizen().equals(space.id()))
                .anyMatch(e -> e instanceof PreventionOptOutChanged o && o.citizen().equals(space.id()) && o.optedOut())
                .anyMatch(e -> e instanceof ConsentChanged c && c.citizen().equals(space.id()))
                .anyMatch(e -> e instanceof AccountStatusChanged a && a.citizen().equals(space.id())));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(space, true)).isGreaterThanOrEqualTo(4));
        assertThat(publications(space, false)).isZero();
    }

    @Test
    void aRefusedChangePublishesNothing() {
        Publications publications = Publications.from(jdbc);
        SpaceFixture.Space space = new SpaceFixture(context).create();
        publications.awaitHandled(); // the fixture's own changes, and what their listeners published in turn
        long before = publications.count();

        space.holder(port).put(space.path() + "/prevention/opt-out", "{\"optedOut\":\"maybe\"}");
        space.holder(port).delete(space.path() + "/facts/" + space.professionalFact());

        assertThat(publications.count()).isEqualTo(before);
    }

    private long publications(SpaceFixture.Space space, boolean completed) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ? and (completion_date is not null) = ?")
                .params("%" + space.id() + "%", completed).query(Long.class).single();
    }
}
