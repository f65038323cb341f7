package org.vigie.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.AppointmentStatus;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Pathway;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.Agenda;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.MandatoryNotification;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.platform.citizen.NotificationChannel;
import org.vigie.platform.citizen.NotificationPreferences;
import org.vigie.platform.citizen.PreventionChoices;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.platform.recommendation.StoredRecommendation;

/**
 * The dispatcher's handling of what a channel answers (a scripted push sender stands for
 * Firebase), the frequency cap, the daily digest of spaces not activated, mandatory notifications,
 * agenda reminders, and several nodes sharing the outbox.
 */
@VigieApplicationTest
@Import(DispatchTests.ScriptedPush.class)
class DispatchTests {

    /** The node's push sender: scripted, so that a test says what FCM answers. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ScriptedPush {
        @Bean
        ScriptedPushSender scriptedPushSender() {
            return new ScriptedPushSender();
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    PreventionChoices choices;

    @Autowired
    Recommendations recommendations;

    @Autowired
    Outbox outbox;

    @Autowired
    Agenda agenda;

    @Autowired
    AgendaReminders agendaReminders;

    @Autowired
    ScriptedPushSender push;

    DeliveryFixture world;

    @BeforeEach
    void start() {
        world = new DeliveryFixture(context);
        world.at(LocalTime.of(10, 0));
        world.startSmtp();
        push.reset();
    }

    @AfterEach
    void stop() {
        world.stopSmtp();
        world.clock.reset();
    }

    private CitizenId withDevices(String... tokens) {
        return world.activatedSpace(id -> {
            for (String token : tokens) preferences.registerDevice(Actor.holder(id), id, token, "set-up");
        });
    }

    @Test
    void pushesEveryDeviceOnceForTheRecommendationsOpenedTogether() {
        String phone = "phone-" + UUID.randomUUID();
        String tablet = "tablet-" + UUID.randomUUID();
        CitizenId c = withDevices(phone, tablet);

        world.dispatchAll();

        assertThat(push.given).filteredOn(m -> m.citizen().equals(c)).extracting(OutgoingMessage::address)
                .containsExactlyInAnyOrder(phone, tablet);
        assertThat(push.given).filteredOn(m -> m.citizen().equals(c)).allSatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Mon espace santé");
            assertThat(m.text()).isEqualTo("Vous avez reçu un nouveau message.");
            assertThat(m.html()).isNull();
        });
        assertThat(world.deliveries(c, DeliveryChannel.PUSH)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void aNotificationMadeOfInsurerDataWaitsWhileTheirConsentIsWithdrawnAndGoesOnceItHoldsAgain() {
        CitizenId c = world.activatedSpaceWith(",\"insurerDataConsent\":{\"SCREENING\":\"GRANTED\"},"
                + "\"acts\":[{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2023-01-10\",\"source\":\"INSURER\"}]");
        Map<Boolean, List<UUID>> byInsurerData = recommendations.of(Actor.holder(c), c, "test").stream().collect(
                Collectors.partitioningBy(r -> r.dataUsed().contains("INSURER_DATA"), Collectors.mapping(StoredRecommendation::id,
                        Collectors.toList())));
        assertThat(byInsurerData.get(true)).as("the screenings, under the screening pathway's consent").hasSize(3);
        assertThat(byInsurerData.get(false)).as("the vaccination").isNotEmpty();
        // withdrawn behind the re-evaluation's back: the moment between the choice and its re-evaluation
        setScreeningConsent(c, "REFUSED");

        world.dispatchAll();

        assertThat(world.deliveries(c)).filteredOn(d -> byInsurerData.get(true).contains(d.recommendation())).hasSize(6)
                .allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED);
                    assertThat(d.lastError()).isEqualTo("deferred: insurer-data consent withdrawn");
                });
        assertThat(world.deliveries(c)).filteredOn(d -> byInsurerData.get(false).contains(d.recommendation())).isNotEmpty()
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));

        setScreeningConsent(c, "GRANTED");
        world.later(SendCheck.CONSENT_SETTLING);
        world.dispatchAll();

        assertThat(world.deliveries(c)).filteredOn(d -> byInsurerData.get(true).contains(d.recommendation())).hasSize(6)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void withdrawingTheConsentCancelsWhatNoLongerHoldsAndSendsWhatStillDoes() {
        CitizenId c = world.activatedSpaceWith(",\"insurerDataConsent\":{\"SCREENING\":\"GRANTED\"},"
                + "\"acts\":[{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2023-01-10\",\"source\":\"INSURER\"}]");
        StoredRecommendation renewal = recommendations.of(Actor.holder(c), c, "test").stream()
                .filter(r -> r.key().equals("SCREEN_BREAST")).findFirst().orElseThrow();
        assertThat(renewal.rule()).as("made of the insurer's mammography").isEqualTo("BreastScreeningRenewal");

        choices.setConsent(Actor.holder(c), c, Pathway.SCREENING, Consent.REFUSED, "test");
        world.settle(c);
        world.later(SendCheck.CONSENT_SETTLING);
        world.dispatchAll();

        // without the insurer's mammography, the renewal no longer holds: its notifications never go
        assertThat(world.deliveries(c)).filteredOn(d -> renewal.id().equals(d.recommendation())).isNotEmpty()
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED));
        // the colorectal screening still holds on the space's own data: told as planned
        StoredRecommendation colorectal = recommendations.of(Actor.holder(c), c, "test").stream()
                .filter(r -> r.key().equals("SCREEN_COLORECTAL")).findFirst().orElseThrow();
        assertThat(colorectal.dataUsed()).doesNotContain("INSURER_DATA");
        assertThat(world.deliveries(c)).filteredOn(d -> colorectal.id().equals(d.recommendation())).isNotEmpty()
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    private void setScreeningConsent(CitizenId c, String consent) {
        assertThat(world.jdbc.sql("update insurer_consent set consent = ? where citizen_id = ? and pathway = 'SCREENING'")
                .params(consent, c.value()).update()).isEqualTo(1);
    }

    @Test
    void aRecommendationBookedInTheAgendaIsNotifiedOfNothingUntilItsAppointmentPassesWithoutTheAct() {
        CitizenId c = world.activatedSpaceWith(",\"appointments\":[{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2026-03-23\","
                + "\"status\":\"SCHEDULED\"}]");
        StoredRecommendation breast = recommendation(c, "SCREEN_BREAST");
        assertThat(breast.plannedOn()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(breast.dataUsed()).contains("AGENDA");

        world.dispatchAll();
        assertThat(world.deliveries(c)).filteredOn(d -> breast.id().equals(d.recommendation())).isEmpty();
        assertThat(world.deliveries(c)).as("what nothing is booked for is notified as usual")
                .filteredOn(d -> d.recommendation() != null).isNotEmpty().allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));

        // the day after the appointment, without a mammography: due again, and notified once
        world.clock.set(LocalDate.of(2026, 3, 24).atTime(10, 0).atZone(TestClock.PARIS).toInstant());
        world.spaceFacts.addFact(Actor.holder(c), c, new Measure(MeasureKind.WEIGHT_KG, 62.0, LocalDate.of(2026, 3, 24), null, false), "test");
        world.settle(c);
        StoredRecommendation dueAgain = recommendation(c, "SCREEN_BREAST");
        assertThat(dueAgain.id()).isEqualTo(breast.id());
        assertThat(dueAgain.plannedOn()).isNull();
        world.dispatchAll();
        assertThat(world.deliveries(c)).filteredOn(d -> breast.id().equals(d.recommendation())).isNotEmpty().allSatisfy(d -> {
            assertThat(d.occurrence()).isEqualTo("after-2026-03-23");
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
        });

        // a later re-evaluation with nothing new notifies nothing more
        int before = world.deliveries(c).size();
        world.spaceFacts.addFact(Actor.holder(c), c, new Measure(MeasureKind.HEIGHT_CM, 165.0, LocalDate.of(2026, 3, 24), null, false), "test");
        world.settle(c);
        assertThat(world.deliveries(c)).hasSize(before);
    }

    @Test
    void aBookingMadeBeforeTheNotificationLeavesCancelsIt() {
        CitizenId c = world.activatedSpace();
        StoredRecommendation breast = recommendation(c, "SCREEN_BREAST");
        assertThat(world.deliveries(c)).filteredOn(d -> breast.id().equals(d.recommendation())).isNotEmpty();

        world.spaceFacts.addFact(Actor.holder(c), c, new Appointment(AppointmentKind.MAMMOGRAPHY, LocalDate.of(2026, 3, 20),
                AppointmentStatus.SCHEDULED, null, false), "test");
        world.settle(c);
        assertThat(recommendation(c, "SCREEN_BREAST").plannedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        world.dispatchAll();

        assertThat(world.deliveries(c)).filteredOn(d -> breast.id().equals(d.recommendation())).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED);
            assertThat(d.lastError()).contains("an appointment is booked");
        });
    }

    private StoredRecommendation recommendation(CitizenId c, String key) {
        return recommendations.of(Actor.holder(c), c, "test").stream().filter(r -> r.key().equals(key) && r.status().active())
                .findFirst().orElseThrow();
    }

    @Test
    void aRetryWaitsAtLeastWhatTheReceiverAskedThenSends() {
        CitizenId c = withDevices("token-" + UUID.randomUUID());
        push.script = m -> SendOutcome.retry(Duration.ofMinutes(30), "429 quota exceeded");

        world.dispatchAll();

        List<Delivery> failed = world.deliveries(c, DeliveryChannel.PUSH);
        assertThat(failed).isNotEmpty().allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.lastError()).isEqualTo("429 quota exceeded");
            assertThat(d.nextAttemptAt()).isAfterOrEqualTo(world.clock.instant().plus(Duration.ofMinutes(30)));
        });

        push.script = m -> SendOutcome.sent();
        world.later(Duration.ofMinutes(31));
        world.dispatchAll();
        assertThat(world.deliveries(c, DeliveryChannel.PUSH)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.attempts()).isEqualTo(2);
        });
    }

    @Test
    void anInvalidTokenIsForgottenAndNotRetried() {
        String gone = "gone-" + UUID.randomUUID();
        CitizenId c = withDevices(gone);
        push.script = m -> SendOutcome.addressInvalid("UNREGISTERED");

        world.dispatchAll();

        assertThat(preferences.devices(c)).doesNotContain(gone);
        assertThat(world.deliveries(c, DeliveryChannel.PUSH)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED);
            assertThat(d.lastError()).contains("UNREGISTERED");
        });
        int given = push.given.size();
        world.later(Duration.ofDays(1));
        world.dispatchAll();
        assertThat(push.given).hasSize(given);
    }

    @Test
    void aDeliveryIsDeadAfterTheLastAttemptWithBackOffGrowingInBetween() {
        CitizenId c = withDevices("token-" + UUID.randomUUID());
        push.script = m -> SendOutcome.retry(null, "503 unavailable");
        DeliverySettings settings = context.getBean(DeliverySettings.class);

        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            world.dispatchAll();
            Delivery d = world.deliveries(c, DeliveryChannel.PUSH).get(0);
            while (d.status() == DeliveryStatus.QUEUED && "deferred: quiet hours".equals(d.lastError())) {
                // a retry due at night waits for the morning, and is not an attempt
                world.clock.set(d.nextAttemptAt());
                world.dispatchAll();
                d = world.deliveries(c, DeliveryChannel.PUSH).get(0);
            }
            assertThat(d.attempts()).isEqualTo(attempt);
            if (attempt < settings.maxAttempts()) {
                assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
                Duration wait = Duration.between(world.clock.instant(), d.nextAttemptAt());
                assertThat(wait).isLessThanOrEqualTo(settings.maxRetry());
                if (attempt > 1 && wait.compareTo(settings.maxRetry().dividedBy(2)) < 0) {
                    assertThat(wait).as("exponential, jitter at most half").isGreaterThanOrEqualTo(previous.dividedBy(2));
                }
                previous = wait;
                world.clock.set(d.nextAttemptAt());
            } else {
                assertThat(d.status()).isEqualTo(DeliveryStatus.DEAD);
                assertThat(d.lastError()).contains("gave up after " + attempt + " attempts");
            }
        }
    }

    @Test
    void theFrequencyCapDefersTheMessagesBeyondItAndNeverDropsThem() {
        CitizenId c = world.activatedSpace();
        world.dispatchAll(); // the first message: every recommendation opened together
        StoredRecommendation r = recommendations.of(Actor.holder(c), c, "test").get(0);
        NotificationCategory category = world.deliveries(c).stream().filter(d -> r.id().equals(d.recommendation()))
                .findFirst().orElseThrow().category();
        DeliverySettings settings = context.getBean(DeliverySettings.class);
        Instant first = world.clock.instant();
        // later occurrences of the same recommendation's e-mail, one message each
        for (int occurrence = 2; occurrence <= settings.capMessages() + 1; occurrence++) {
            world.later(Duration.ofMinutes(1));
            outbox.add(List.of(new Planned(c, DeliveryKind.RECOMMENDATION, category, DeliveryChannel.EMAIL, r.id(), null, null,
                    String.valueOf(occurrence), world.clock.instant())), world.clock.instant());
            world.dispatchAll();
        }

        assertThat(world.received(world.email(c))).hasSize(settings.capMessages());
        Delivery beyond = world.deliveries(c, DeliveryChannel.EMAIL).stream()
                .filter(d -> d.occurrence().equals(String.valueOf(settings.capMessages() + 1))).findFirst().orElseThrow();
        assertThat(beyond.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(beyond.lastError()).isEqualTo("deferred: frequency cap");
        assertThat(beyond.nextAttemptAt()).isEqualTo(first.plus(settings.capWindow()));

        world.clock.set(beyond.nextAttemptAt());
        world.dispatchAll();
        assertThat(world.received(world.email(c))).hasSize(settings.capMessages() + 1);
    }

    @Test
    void aSpaceNotActivatedGetsOneDigestADayOnTheInsurersContactInstead() {
        CitizenId c = world.openSpace();
        List<Delivery> planned = world.deliveries(c, DeliveryChannel.EMAIL);
        assertThat(planned).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DeliveryKind.DIGEST);
            assertThat(d.nextAttemptAt()).isEqualTo(LocalDate.of(2026, 3, 16).atTime(18, 0).atZone(TestClock.PARIS).toInstant());
        });
        assertThat(world.deliveries(c, DeliveryChannel.PUSH)).isEmpty();

        world.dispatchAll();
        assertThat(world.received(world.email(c))).isEmpty();

        world.at(LocalTime.of(18, 0));
        world.dispatchAll();
        assertThat(world.received(world.email(c))).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Du nouveau dans Mon espace santé"));
        assertThat(recommendations.of(Actor.holder(c), c, "test"))
                .allSatisfy(r -> assertThat(r.status().name()).isEqualTo("NOTIFIED"));

        // the same day, nothing new awaits: no second digest, even planned again
        world.context.getBean(DeliveryPlanner.class).plan(new org.vigie.platform.recommendation.RecommendationsChanged(
                recommendations.of(Actor.holder(c), c, "test").stream()
                        .map(r -> new org.vigie.platform.recommendation.RecommendationsChanged.Opened(r.id(), c, r.key(), r.campaign(),
                                r.category()))
                        .toList(), List.of(), world.clock.instant()));
        world.dispatchAll();
        assertThat(world.received(world.email(c))).hasSize(1);
    }

    @Test
    void aMandatoryNotificationIgnoresPreferencesOptOutAndQuietHours() {
        CitizenId c = world.activatedSpace();
        for (NotificationCategory category : NotificationCategory.values()) {
            preferences.set(Actor.holder(c), c, category, NotificationChannel.EMAIL, false, "test");
        }
        choices.setOptOut(Actor.holder(c), c, true, "test");
        world.settle(c);
        world.at(LocalTime.of(23, 30));

        assertThat(world.notifications.mandatory(c, MandatoryNotification.DOCUMENT_ADDED_TO_DMP, "document-1")).isTrue();
        assertThat(world.notifications.mandatory(c, MandatoryNotification.DOCUMENT_ADDED_TO_DMP, "document-1")).isFalse();
        world.dispatchAll();

        assertThat(world.received(world.email(c))).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Une nouvelle information dans Mon espace santé"));
        assertThat(world.deliveries(c)).filteredOn(d -> d.kind() == DeliveryKind.MANDATORY).hasSize(2)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void remindsOfAReminderAtItsTimeAndOfAnAppointmentTheDayBefore() {
        String token = "token-" + UUID.randomUUID();
        CitizenId c = withDevices(token);
        world.dispatchAll();
        push.given.clear();
        Instant reminderAt = LocalDate.of(2026, 3, 16).atTime(15, 30).atZone(TestClock.PARIS).toInstant();
        agenda.addReminder(Actor.holder(c), c, "Prendre rendez-vous", reminderAt, false, "test");
        world.spaceFacts.addFact(Actor.holder(c), c, org.vigie.engine.json.SnapshotJson.readFact(
                "{\"kind\":\"CONSULTATION\",\"date\":\"2026-03-17\"}", org.vigie.engine.fact.Appointment.class), "test");
        world.settle(c);

        agendaReminders.plan(world.clock.instant());
        assertThat(agendaReminders.plan(world.clock.instant())).as("planned once").isZero();
        List<Delivery> reminders = world.deliveries(c).stream().filter(d -> d.kind() == DeliveryKind.AGENDA_REMINDER).toList();
        assertThat(reminders).extracting(Delivery::channel).containsExactlyInAnyOrder(DeliveryChannel.EMAIL, DeliveryChannel.PUSH,
                DeliveryChannel.EMAIL, DeliveryChannel.PUSH);

        world.clock.set(reminderAt);
        world.dispatchAll();
        assertThat(world.received(world.email(c))).filteredOn(m -> subject(m).equals("Une échéance de votre agenda")).hasSize(1);
        assertThat(push.given).filteredOn(m -> m.citizen().equals(c)).hasSize(1);

        world.at(LocalTime.of(18, 0));
        world.dispatchAll();
        assertThat(world.received(world.email(c))).filteredOn(m -> subject(m).equals("Une échéance de votre agenda")).hasSize(2);
        assertThat(push.given).filteredOn(m -> m.citizen().equals(c)).hasSize(2);
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoNodesClaimingAtOnceNeverClaimTheSameDelivery() throws Exception {
        for (int i = 0; i < 3; i++) world.activatedSpace();
        Instant now = world.clock.instant();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> outbox.claim(now, 5, now.plus(Duration.ofMinutes(5))));
            var b = pool.submit(() -> outbox.claim(now, 5, now.plus(Duration.ofMinutes(5))));
            List<UUID> first = a.get().stream().map(Delivery::id).toList();
            List<UUID> second = b.get().stream().map(Delivery::id).toList();
            assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
            assertThat(second).isNotEmpty();
        } finally {
            pool.shutdown();
            world.later(Duration.ofMinutes(6));
            world.dispatchAll();
        }
    }
}
