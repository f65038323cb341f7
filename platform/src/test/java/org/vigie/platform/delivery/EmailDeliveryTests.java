package org.vigie.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.platform.citizen.NotificationChannel;
import org.vigie.platform.citizen.NotificationPreferences;
import org.vigie.platform.citizen.PreventionChoices;
import org.vigie.platform.delivery.internal.email.EmailSender;
import org.vigie.platform.recommendation.RecommendationStatus;
import org.vigie.platform.recommendation.Recommendations;
import org.vigie.platform.recommendation.StoredRecommendation;

/**
 * Recommendation e-mails through a real SMTP server (GreenMail), from the opening of a space's
 * recommendations to the mailbox: exactly once, through an SMTP outage, never against the holder's
 * choices, never after a crash twice under different identities.
 */
@VigieApplicationTest
class EmailDeliveryTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    PreventionChoices choices;

    @Autowired
    Recommendations recommendations;

    @Autowired
    NotificationCentre centre;

    DeliveryFixture world;

    @BeforeEach
    void start() {
        world = new DeliveryFixture(context);
        world.at(LocalTime.of(10, 0));
        world.startSmtp();
    }

    @AfterEach
    void stop() {
        recordingWorksAgain();
        world.stopSmtp();
        world.clock.reset();
    }

    @Test
    void aBatchBoundaryNeverSplitsTheRecommendationsOfOneHolderIntoTwoEmails() {
        List<CitizenId> citizens = List.of(world.activatedSpace(), world.activatedSpace(), world.activatedSpace());

        // batches of one delivery: every boundary falls between two recommendations of a holder
        for (int i = 0; i < 200 && world.dispatcher.dispatchOnce(1) > 0; i++) {
            // each pass claims the next holder's recommendations
        }

        for (CitizenId c : citizens) {
            assertThat(recommendations.of(Actor.holder(c), c, "test")).as("several recommendations open together at 56")
                    .hasSizeGreaterThan(1);
            assertThat(world.received(world.email(c))).hasSize(1);
            assertThat(world.deliveries(c, DeliveryChannel.EMAIL)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
        }
    }

    @Test
    void sendsEachActivatedHolderOneEmailForTheRecommendationsOpenedTogetherAndNeverASecond() {
        List<CitizenId> citizens = List.of(world.activatedSpace(), world.activatedSpace(), world.activatedSpace());

        world.dispatchAll();
        world.dispatchAll();

        for (CitizenId c : citizens) {
            List<StoredRecommendation> opened = recommendations.of(Actor.holder(c), c, "test");
            assertThat(opened).as("the rule base recommends screenings at 56").isNotEmpty();
            assertThat(world.received(world.email(c))).hasSize(1);
            assertThat(world.deliveries(c, DeliveryChannel.EMAIL)).hasSize(opened.size())
                    .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
            assertThat(recommendations.of(Actor.holder(c), c, "test")).allSatisfy(r -> assertThat(r.status()).isEqualTo(RecommendationStatus.NOTIFIED));
            assertThat(centre.unread(c)).isEqualTo(opened.size());
        }
    }

    @Test
    void theEmailSaysOnlyThatSomethingAwaitsAndCarriesItsIdempotencyKey() throws Exception {
        CitizenId c = world.activatedSpace();
        world.dispatchAll();

        MimeMessage mail = world.received(world.email(c)).get(0);
        Delivery lead = world.deliveries(c, DeliveryChannel.EMAIL).get(0);
        assertThat(mail.getSubject()).isEqualTo("Du nouveau dans Mon espace santé");
        assertThat(mail.getHeader(EmailSender.KEY_HEADER)[0]).isEqualTo(lead.messageKey());
        assertThat(mail.getMessageID()).startsWith("<").endsWith("@vigie.localhost>");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        assertThat(body).contains("Un nouveau message vous attend").doesNotContainIgnoringCase("dépistage")
                .doesNotContainIgnoringCase("cancer").doesNotContainIgnoringCase("sein");
    }

    @Test
    void anSmtpServerDownThenBackDeliversEveryEmailExactlyOnce() {
        world.stopSmtp();
        List<CitizenId> citizens = List.of(world.activatedSpace(), world.activatedSpace());

        world.dispatchAll();
        for (CitizenId c : citizens) {
            assertThat(world.deliveries(c, DeliveryChannel.EMAIL)).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.nextAttemptAt()).isAfter(world.clock.instant());
            });
        }

        world.startSmtp();
        world.later(Duration.ofMinutes(2));
        world.dispatchAll();
        world.later(Duration.ofMinutes(10));
        world.dispatchAll();

        for (CitizenId c : citizens) {
            assertThat(world.received(world.email(c))).hasSize(1);
            assertThat(world.deliveries(c, DeliveryChannel.EMAIL)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
        }
    }

    @Test
    void aPreferenceSwitchedOffBeforeSendingCancelsThatChannelOnly() {
        CitizenId c = world.activatedSpace();
        for (NotificationCategory category : NotificationCategory.values()) {
            preferences.set(Actor.holder(c), c, category, NotificationChannel.EMAIL, false, "test");
        }

        world.dispatchAll();

        assertThat(world.received(world.email(c))).isEmpty();
        assertThat(world.deliveries(c, DeliveryChannel.EMAIL)).isNotEmpty().allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED);
            assertThat(d.lastError()).contains("switched off " + d.category() + " by EMAIL");
        });
        assertThat(world.deliveries(c, DeliveryChannel.IN_APP)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void aPreferenceOffWhenTheRecommendationOpensPlansNothingOnThatChannel() {
        CitizenId c = world.activatedSpace(id -> preferences.set(Actor.holder(id), id, NotificationCategory.CANCER_SCREENING,
                NotificationChannel.EMAIL, false, "before the space opens"));

        List<Delivery> deliveries = world.deliveries(c);
        assertThat(deliveries).anySatisfy(d -> assertThat(d.category()).isEqualTo(NotificationCategory.CANCER_SCREENING));
        assertThat(deliveries).filteredOn(d -> d.category() == NotificationCategory.CANCER_SCREENING)
                .extracting(Delivery::channel).containsOnly(DeliveryChannel.IN_APP);
    }

    @Test
    void anOptOutBetweenPlanningAndSendingCancelsAndSendsNothing() {
        CitizenId c = world.activatedSpace();
        assertThat(world.deliveries(c)).isNotEmpty().allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED));

        choices.setOptOut(Actor.holder(c), c, true, "test");
        world.dispatchAll();
        world.settle(c);
        world.dispatchAll();

        assertThat(world.received(world.email(c))).isEmpty();
        assertThat(centre.unread(c)).isZero();
        assertThat(world.deliveries(c)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED));
    }

    @Test
    void aClosedRecommendationCancelsItsPendingDeliveries() {
        CitizenId c = world.activatedSpace();
        StoredRecommendation breast = recommendations.of(Actor.holder(c), c, "test").stream()
                .filter(r -> r.key().startsWith("SCREEN_BREAST")).findFirst().orElseThrow();

        world.spaceFacts.addFact(Actor.holder(c), c, org.vigie.engine.json.SnapshotJson.readFact(
                "{\"kind\":\"MAMMOGRAPHY\",\"date\":\"2026-03-10\"}", org.vigie.engine.fact.Act.class), "test");
        world.settle(c);

        assertThat(recommendations.find(breast.id()).orElseThrow().status().active()).isFalse();
        assertThat(world.deliveries(c).stream().filter(d -> breast.id().equals(d.recommendation())))
                .isNotEmpty().allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED);
                    assertThat(d.lastError()).contains("closed");
                });
        assertThat(world.deliveries(c).stream().filter(d -> !breast.id().equals(d.recommendation())))
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED));
    }

    @Test
    void quietHoursDeferEmailsToTheMorningButNotTheNotificationCentre() {
        world.at(LocalTime.of(22, 30));
        CitizenId c = world.activatedSpace();

        world.dispatchAll();

        assertThat(world.received(world.email(c))).isEmpty();
        assertThat(world.deliveries(c, DeliveryChannel.EMAIL)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(d.attempts()).isZero();
            assertThat(d.nextAttemptAt()).isEqualTo(java.time.LocalDate.of(2026, 3, 17).atTime(8, 0)
                    .atZone(org.vigie.platform.TestClock.PARIS).toInstant());
        });
        assertThat(world.deliveries(c, DeliveryChannel.IN_APP)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));

        world.clock.set(java.time.LocalDate.of(2026, 3, 17).atTime(8, 0).atZone(org.vigie.platform.TestClock.PARIS).toInstant());
        world.dispatchAll();
        assertThat(world.received(world.email(c))).hasSize(1);
    }

    @Test
    void aCrashBetweenSendingAndRecordingNeitherDuplicatesTheCentreNorChangesTheMessagesIdentity() throws Exception {
        CitizenId c = world.activatedSpace();
        recordingFails("simulated crash between sending and recording");
        assertThatThrownBy(() -> world.dispatcher.dispatchOnce()).hasMessageContaining("simulated crash");
        recordingWorksAgain();
        assertThat(world.deliveries(c)).allSatisfy(d -> assertThat(d.status()).isIn(DeliveryStatus.QUEUED, DeliveryStatus.FAILED));

        world.dispatchAll(); // leased: nothing is due before the lease ends
        world.later(Duration.ofMinutes(6));
        world.dispatchAll();

        assertThat(world.deliveries(c)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
        long inApp = world.deliveries(c, DeliveryChannel.IN_APP).size();
        assertThat(centre.of(Actor.holder(c), c, "test")).hasSize((int) inApp);
        List<MimeMessage> copies = world.received(world.email(c));
        assertThat(copies).hasSize(2);
        Set<String> ids = copies.stream().map(m -> {
            try {
                return m.getMessageID() + " " + m.getHeader(EmailSender.KEY_HEADER)[0];
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
        assertThat(ids).as("the resend is the same message: same Message-ID, same idempotency key").hasSize(1);
    }

    /**
     * The node dies between sending and recording: the database refuses to record a delivery as
     * sent (the claim, before sending, still goes through), so nothing of the batch is recorded.
     */
    private void recordingFails(String why) {
        world.jdbc.sql("""
                create or replace function test_refuse_sent() returns trigger language plpgsql as $$
                begin raise exception '%s'; end $$""".formatted(why)).update();
        world.jdbc.sql("""
                create trigger test_refuse_sent before update on delivery for each row
                when (new.status = 'SENT' and old.status <> 'SENT') execute function test_refuse_sent()""").update();
    }

    private void recordingWorksAgain() {
        world.jdbc.sql("drop trigger if exists test_refuse_sent on delivery").update();
        world.jdbc.sql("drop function if exists test_refuse_sent()").update();
    }
}
