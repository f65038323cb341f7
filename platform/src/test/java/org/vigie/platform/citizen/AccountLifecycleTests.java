package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.platform.citizen.Citizens.INGESTION;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;

@VigieApplicationTest
@RecordApplicationEvents
class AccountLifecycleTests {

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    PreventionChoices choices;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void storesEachMoveAndPublishesAccountStatusChanged() {
        CitizenId id = Citizens.registered(spaces, LocalDate.of(1985, 6, 1), Sex.F);

        lifecycle.open(INGESTION, id, "opposition delay over");
        lifecycle.activate(Actor.holder(id), id, "first login");
        lifecycle.close(Actor.holder(id), id, false, "no longer wanted");

        assertThat(spaces.account(id).state()).isEqualTo(AccountState.CLOSED);
        assertThat(spaces.account(id).closedAt()).isEqualTo(TestClock.START);
        assertThat(events.stream(AccountStatusChanged.class).filter(e -> e.citizen().equals(id)))
                .extracting(AccountStatusChanged::from, AccountStatusChanged::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AccountState.NOT_CREATED, AccountState.OPEN),
                        org.assertj.core.groups.Tuple.tuple(AccountState.OPEN, AccountState.ACTIVATED),
                        org.assertj.core.groups.Tuple.tuple(AccountState.ACTIVATED, AccountState.CLOSED));
    }

    @Test
    void refusesAnIllegalMoveAndChangesNothing() {
        CitizenId id = Citizens.registered(spaces, LocalDate.of(1985, 6, 1), Sex.F);
        lifecycle.oppose(Actor.holder(id), id, "I object");
        events.clear();

        assertThatThrownBy(() -> lifecycle.activate(Actor.holder(id), id, "login"))
                .isInstanceOf(IllegalAccountTransition.class)
                .hasMessageContaining("OPPOSED").hasMessageContaining("ACTIVATED");

        assertThat(spaces.account(id).state()).isEqualTo(AccountState.OPPOSED);
        assertThat(events.stream(AccountStatusChanged.class)).isEmpty();
    }

    @Test
    void refusesToOpenDuringTheOppositionDelay() {
        CitizenId id = spaces.register(INGESTION, new Registration(Citizens.externalId(), LocalDate.of(1990, 1, 1), Sex.M,
                null, TestClock.START.minus(Duration.ofDays(41))));

        assertThatThrownBy(() -> lifecycle.open(INGESTION, id, "too early"))
                .isInstanceOf(IllegalAccountTransition.class).hasMessageContaining("opposition delay");
        assertThat(spaces.account(id).state()).isEqualTo(AccountState.NOT_CREATED);
    }

    @Test
    void reopeningWithinTenYearsRestoresTheData() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1970, 1, 1), Sex.F);
        spaceFacts.addFact(Actor.holder(id), id, new Condition("J45", null), "profile");
        choices.setConsent(Actor.holder(id), id, Pathway.SCREENING, Consent.GRANTED, "journey");
        lifecycle.close(Actor.holder(id), id, false, "leaving");

        clock.set(TestClock.START.plus(Duration.ofDays(3650)));
        Account reopened = lifecycle.reopen(Actor.holder(id), id, "back");

        assertThat(reopened.state()).isEqualTo(AccountState.ACTIVATED);
        assertThat(spaceFacts.facts(Actor.holder(id), id, "check")).hasSize(1);
        assertThat(choices.consents(id)).containsEntry(Pathway.SCREENING, Consent.GRANTED);
    }

    @Test
    void reopeningAfterTenYearsStartsEmpty() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1970, 1, 1), Sex.F);
        spaceFacts.addFact(Actor.holder(id), id, new Condition("J45", null), "profile");
        choices.setOptOut(Actor.holder(id), id, true, "objection");
        lifecycle.close(Actor.holder(id), id, false, "leaving");

        clock.set(LocalDate.of(2036, 3, 17).atStartOfDay(TestClock.PARIS).toInstant());
        lifecycle.reopen(Actor.holder(id), id, "back");

        assertThat(spaceFacts.facts(Actor.holder(id), id, "check")).isEmpty();
        assertThat(choices.optedOut(id)).isFalse();
        assertThat(choices.optOutHistory(id)).isEmpty();
    }

    @Test
    void deathIsTerminal() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1930, 1, 1), Sex.M);

        lifecycle.recordDeath(INGESTION, id, "civil registry");

        assertThatThrownBy(() -> lifecycle.close(Actor.holder(id), id, false, "?")).isInstanceOf(IllegalAccountTransition.class);
        assertThat(spaces.snapshot(INGESTION, id, "check").citizen().accountStatus())
                .isEqualTo(org.vigie.engine.fact.AccountStatus.DECEASED);
    }
}
