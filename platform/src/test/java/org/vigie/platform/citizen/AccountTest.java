package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant NOTICE = Instant.parse("2026-01-05T09:00:00Z");
    private final Account notCreated = new Account(CitizenId.random(), AccountState.NOT_CREATED, NOTICE, NOTICE, null, false);

    @Test
    void opensOnlyOnceTheOppositionDelayIsOver() {
        Instant delayEnd = NOTICE.plus(Duration.ofDays(42));

        assertThatThrownBy(() -> notCreated.open(delayEnd.minusSeconds(1)))
                .isInstanceOf(IllegalAccountTransition.class)
                .hasMessageContaining("NOT_CREATED").hasMessageContaining("OPEN").hasMessageContaining("opposition delay");
        assertThat(notCreated.open(delayEnd).state()).isEqualTo(AccountState.OPEN);
    }

    @Test
    void refusesToOpenWithoutACreationNotice() {
        Account neverNotified = new Account(CitizenId.random(), AccountState.NOT_CREATED, null, NOTICE, null, false);

        assertThatThrownBy(() -> neverNotified.open(NOTICE.plus(Duration.ofDays(400))))
                .isInstanceOf(IllegalAccountTransition.class).hasMessageContaining("no creation notice");
    }

    @Test
    void followsTheLifeOfASpace() {
        Instant at = NOTICE.plus(Duration.ofDays(50));
        Account activated = notCreated.open(at).activate(at.plusSeconds(60));
        Account closed = activated.close(at.plusSeconds(120), false);

        assertThat(activated.state()).isEqualTo(AccountState.ACTIVATED);
        assertThat(closed.state()).isEqualTo(AccountState.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(at.plusSeconds(120));
        assertThat(closed.reopen(at.plusSeconds(180)).state()).isEqualTo(AccountState.ACTIVATED);
        assertThat(closed.reopen(at.plusSeconds(180)).closedAt()).isNull();
        assertThat(closed.recordDeath(at.plusSeconds(240)).state()).isEqualTo(AccountState.DECEASED);
    }

    @Test
    void refusesAnIllegalTransitionNamingBothStates() {
        Account opposed = notCreated.oppose(NOTICE.plusSeconds(60));

        assertThatThrownBy(() -> opposed.activate(NOTICE.plusSeconds(120)))
                .isInstanceOfSatisfying(IllegalAccountTransition.class, e -> {
                    assertThat(e.current()).isEqualTo(AccountState.OPPOSED);
                    assertThat(e.requested()).isEqualTo(AccountState.ACTIVATED);
                })
                .hasMessage("the account is OPPOSED and cannot become ACTIVATED: allowed only from [OPEN]");
        assertThatThrownBy(() -> notCreated.close(NOTICE, false)).isInstanceOf(IllegalAccountTransition.class);
        assertThatThrownBy(() -> notCreated.activate(NOTICE)).isInstanceOf(IllegalAccountTransition.class);
    }

    @Test
    void deathIsTerminal() {
        Account deceased = notCreated.recordDeath(NOTICE);

        assertThatThrownBy(() -> deceased.recordDeath(NOTICE)).isInstanceOf(IllegalAccountTransition.class);
        assertThatThrownBy(() -> deceased.reopen(NOTICE)).isInstanceOf(IllegalAccountTransition.class);
        assertThatThrownBy(() -> deceased.open(NOTICE.plus(Duration.ofDays(60)))).isInstanceOf(IllegalAccountTransition.class);
    }

    @Test
    void restoresDataOnlyWithinTenYearsOfClosureAndWithoutDeletion() {
        Instant closedAt = Instant.parse("2016-03-16T10:00:00Z");
        Account open = new Account(CitizenId.random(), AccountState.OPEN, null, closedAt.minusSeconds(60), null, false);
        Account closed = open.close(closedAt, false);
        Account deleted = open.close(closedAt, true);

        assertThat(closed.retainedUntil()).isEqualTo(Instant.parse("2026-03-16T10:00:00Z"));
        assertThat(closed.dataRestorableOn(Instant.parse("2026-03-16T09:59:59Z"))).isTrue();
        assertThat(closed.dataRestorableOn(Instant.parse("2026-03-16T10:00:00Z"))).isFalse();
        assertThat(deleted.dataRestorableOn(closedAt.plusSeconds(1))).isFalse();
    }
}
