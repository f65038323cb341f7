package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;

@VigieApplicationTest
@RecordApplicationEvents
class PreventionChoicesTests {

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    PreventionChoices choices;

    @Autowired
    NotificationPreferences notifications;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void keepsTheHistoryOfTheOptOutAndPublishesEachChange() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1960, 1, 1), Sex.F);
        Actor holder = Actor.holder(id);
        assertThat(choices.optedOut(id)).isFalse();

        clock.set(Instant.parse("2026-04-01T10:00:00Z"));
        choices.setOptOut(holder, id, true, "my choice");
        choices.setOptOut(holder, id, true, "clicked twice");
        clock.set(Instant.parse("2026-05-01T10:00:00Z"));
        choices.setOptOut(holder, id, false, "changed my mind");

        assertThat(choices.optedOut(id)).isFalse();
        assertThat(choices.optOutHistory(id)).containsExactly(
                new OptOutChange(true, Instant.parse("2026-04-01T10:00:00Z"), holder.name()),
                new OptOutChange(false, Instant.parse("2026-05-01T10:00:00Z"), holder.name()));
        assertThat(events.stream(PreventionOptOutChanged.class)).containsExactly(
                new PreventionOptOutChanged(id, true, Instant.parse("2026-04-01T10:00:00Z")),
                new PreventionOptOutChanged(id, false, Instant.parse("2026-05-01T10:00:00Z")));
    }

    @Test
    void recordsEachConsentWithItsTimeAndOffersTheJourneyOnlyUntilAnswered() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1960, 1, 1), Sex.F);
        Actor holder = Actor.holder(id);
        assertThat(choices.offerConsentJourney(id, Pathway.SCREENING)).isTrue();

        clock.set(Instant.parse("2026-04-01T10:00:00Z"));
        choices.setConsent(holder, id, Pathway.SCREENING, Consent.REFUSED, "consent journey");
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        choices.setConsent(holder, id, Pathway.SCREENING, Consent.GRANTED, "changed my mind");

        assertThat(choices.consents(id)).isEqualTo(Map.of(Pathway.SCREENING, Consent.GRANTED));
        assertThat(choices.consentHistory(id)).containsExactly(
                new ConsentChange(Pathway.SCREENING, Consent.REFUSED, Instant.parse("2026-04-01T10:00:00Z"), holder.name()),
                new ConsentChange(Pathway.SCREENING, Consent.GRANTED, Instant.parse("2026-06-01T10:00:00Z"), holder.name()));
        assertThat(events.stream(ConsentChanged.class)).extracting(ConsentChanged::consent)
                .containsExactly(Consent.REFUSED, Consent.GRANTED);
        assertThat(choices.offerConsentJourney(id, Pathway.SCREENING)).isFalse();
        assertThat(choices.offerConsentJourney(id, Pathway.PREGNANCY)).isTrue();
    }

    @Test
    void doesNotOfferTheJourneyAgainAfterARefusal() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1960, 1, 1), Sex.F);

        choices.setConsent(Actor.holder(id), id, Pathway.CHRONIC_CONDITIONS, Consent.REFUSED, "consent journey");

        assertThat(choices.offerConsentJourney(id, Pathway.CHRONIC_CONDITIONS)).isFalse();
        assertThat(spaces.snapshot(Actor.holder(id), id, "check").citizen().consentFor(Pathway.CHRONIC_CONDITIONS))
                .isEqualTo(Consent.REFUSED);
    }

    @Test
    void refusesAConsentForGeneralCampaigns() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1960, 1, 1), Sex.F);

        assertThatThrownBy(() -> choices.setConsent(Actor.holder(id), id, Pathway.GENERAL, Consent.GRANTED, "?"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void switchesOptionalNotificationsPerCategoryAndChannelOnByDefault() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1960, 1, 1), Sex.F);
        assertThat(notifications.all(id).values()).allSatisfy(channels -> assertThat(channels).containsOnlyKeys(NotificationChannel.values())
                .allSatisfy((channel, on) -> assertThat(on).isTrue()));

        notifications.set(Actor.holder(id), id, NotificationCategory.CANCER_SCREENING, NotificationChannel.PUSH, false, "too many");

        assertThat(notifications.isOn(id, NotificationCategory.CANCER_SCREENING, NotificationChannel.PUSH)).isFalse();
        assertThat(notifications.isOn(id, NotificationCategory.CANCER_SCREENING, NotificationChannel.EMAIL)).isTrue();
        assertThat(notifications.isOn(id, NotificationCategory.EXAMS_VACCINATIONS, NotificationChannel.PUSH)).isTrue();
    }

    @Test
    void mandatoryNotificationsHaveNoSwitchAndGoByEmail() {
        assertThat(MandatoryNotification.values()).extracting(MandatoryNotification::channel).containsOnly(NotificationChannel.EMAIL);
        assertThat(NotificationCategory.values()).extracting(Enum::name)
                .doesNotContainAnyElementsOf(java.util.Arrays.stream(MandatoryNotification.values()).map(Enum::name).toList());
    }

    @Test
    void keepsPushDeviceTokens() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1960, 1, 1), Sex.F);
        String token = "token-" + id;

        notifications.registerDevice(Actor.holder(id), id, token, "app installed");
        notifications.registerDevice(Actor.holder(id), id, token, "app reinstalled");
        assertThat(notifications.devices(id)).containsExactly(token);

        notifications.forgetDevice(Actor.holder(id), id, token, "app removed");
        assertThat(notifications.devices(id)).isEmpty();
    }
}
