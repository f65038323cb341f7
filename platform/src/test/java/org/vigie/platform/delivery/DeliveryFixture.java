package org.vigie.platform.delivery;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.TestClock;
import org.vigie.platform.citizen.AccountLifecycle;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Contact;
import org.vigie.platform.citizen.Registration;
import org.vigie.platform.citizen.SpaceFacts;

/**
 * Delivery tests' world: a real SMTP server (GreenMail) on the port the application sends to,
 * citizens built through the citizen services (their recommendations come from the shipped rule
 * base when their space opens), the dispatcher run by hand, and the test clock.
 */
final class DeliveryFixture {

    static final Actor SETUP = Actor.operator("delivery-test");

    final ApplicationContext context;
    final CitizenSpaces spaces;
    final SpaceFacts spaceFacts;
    final AccountLifecycle lifecycle;
    final Dispatcher dispatcher;
    final Notifications notifications;
    final TestClock clock;
    final JdbcClient jdbc;
    final int smtpPort;
    GreenMail smtp;

    DeliveryFixture(ApplicationContext context) {
        this.context = context;
        this.spaces = context.getBean(CitizenSpaces.class);
        this.spaceFacts = context.getBean(SpaceFacts.class);
        this.lifecycle = context.getBean(AccountLifecycle.class);
        this.dispatcher = context.getBean(Dispatcher.class);
        this.notifications = context.getBean(Notifications.class);
        this.clock = context.getBean(TestClock.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.smtpPort = context.getBean(JavaMailSenderImpl.class).getPort();
    }

    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    void stopSmtp() {
        if (smtp != null) smtp.stop();
        smtp = null;
    }

    /** Today at a local time in Paris. */
    void at(LocalTime time) {
        clock.set(LocalDate.of(2026, 3, 16).atTime(time).atZone(TestClock.PARIS).toInstant());
    }

    void later(Duration by) {
        clock.set(clock.instant().plus(by));
    }

    /**
     * A woman of 56, known to the insurer with an e-mail address, whose space is open (not
     * activated): the rule base recommends her the screenings of her age as soon as the space exists.
     */
    CitizenId openSpace() {
        return space("OPEN", id -> { });
    }

    /** As {@link #openSpace()}, activated by the time her recommendations open. */
    CitizenId activatedSpace() {
        return space("ACTIVATED", id -> { });
    }

    CitizenId openSpace(Consumer<CitizenId> beforeItOpens) {
        return space("OPEN", beforeItOpens);
    }

    /** As {@link #activatedSpace()}, with something done (a choice made) before her space exists. */
    CitizenId activatedSpace(Consumer<CitizenId> beforeItOpens) {
        return space("ACTIVATED", beforeItOpens);
    }

    /** As {@link #activatedSpace()}, with more of her facts and choices: fields of the contract's {@code citizen}. */
    CitizenId activatedSpaceWith(String moreFields) {
        return space("ACTIVATED", id -> { }, moreFields);
    }

    private CitizenId space(String status, Consumer<CitizenId> beforeItOpens) {
        return space(status, beforeItOpens, "");
    }

    private CitizenId space(String status, Consumer<CitizenId> beforeItOpens, String moreFields) {
        String externalId = "delivery-" + UUID.randomUUID();
        CitizenId id = spaces.register(SETUP, new Registration(externalId, LocalDate.of(1970, 5, 1), Sex.F,
                new Contact(UUID.randomUUID() + "@example.org", null), Instant.parse("2022-01-03T08:00:00Z")));
        beforeItOpens.accept(id);
        // the insurer's current state of the space: it exists (and is activated) from now on
        spaces.importSnapshot(SETUP, externalId, SnapshotJson.read("{\"citizenId\":\"" + externalId + "\",\"citizen\":"
                + "{\"birthDate\":\"1970-05-01\",\"sex\":\"F\",\"accountStatus\":\"" + status + "\"" + moreFields + "}}").citizen(),
                "set-up");
        settle(id);
        return id;
    }

    String email(CitizenId citizen) {
        return jdbc.sql("select contact_email from citizen where id = ?").param(citizen.value()).query(String.class).single();
    }

    /** Waits until every event about the citizen has reached its listeners (re-evaluation, then delivery planning). */
    void settle(CitizenId citizen) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                        "select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + citizen.value() + "%").query(Long.class).single() == 0);
    }

    List<Delivery> deliveries(CitizenId citizen) {
        return notifications.deliveries(citizen);
    }

    List<Delivery> deliveries(CitizenId citizen, DeliveryChannel channel) {
        return deliveries(citizen).stream().filter(d -> d.channel() == channel).toList();
    }

    /** Dispatches until nothing due is left. */
    void dispatchAll() {
        for (int i = 0; i < 50 && dispatcher.dispatchOnce() > 0; i++) {
            // each pass records its outcomes; deferred ones are due later
        }
    }

    List<MimeMessage> received(String address) {
        if (smtp == null) return List.of();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
