package org.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

    private final MovingClock clock = new MovingClock();
    private final SignInAttempts attempts = new SignInAttempts(new SignInAttempts.Limit(3, Duration.ofSeconds(30)),
            new SignInAttempts.Limit(5, Duration.ofSeconds(30)), Duration.ofMinutes(15), Duration.ofMinutes(15), 1_000, clock);

    @Test
    void anAccountIsLockedAfterItsFailuresFromAnyAddressUntilTheLockEnds() {
        attempts.failed("karim", "10.0.0.1");
        attempts.failed("karim", "10.0.0.2");
        assertThat(attempts.refusal("karim", "10.0.0.3")).isEmpty();
        attempts.failed("karim", "10.0.0.3");

        assertThat(attempts.refusal("karim", "10.0.0.4")).hasValueSatisfying(r -> {
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(r.reason()).contains("account");
        });
        assertThat(attempts.refusal("camille", "10.0.0.4")).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        assertThat(attempts.refusal("karim", "10.0.0.4")).isEmpty();
    }

    @Test
    void eachFailureAfterALockDoublesTheNextUpToTheLongest() {
        for (int i = 0; i < 3; i++) attempts.failed("karim", "10.0.0." + i);
        clock.advance(Duration.ofSeconds(30));
        attempts.failed("karim", "10.0.0.9");
        assertThat(attempts.refusal("karim", "10.0.0.9")).hasValueSatisfying(r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(60)));

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(15));
            attempts.failed("karim", "10.0.1." + i);
        }
        assertThat(attempts.refusal("karim", "10.0.2.1")).hasValueSatisfying(r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(15)));
    }

    @Test
    void anAddressIsLockedWhateverTheAccountItTries() {
        for (int i = 0; i < 5; i++) attempts.failed("user" + i, "10.0.0.1");

        assertThat(attempts.refusal("camille", "10.0.0.1")).hasValueSatisfying(r -> assertThat(r.reason()).contains("address"));
        assertThat(attempts.refusal(null, "10.0.0.1")).isPresent();
        assertThat(attempts.refusal("camille", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountsFailuresButNotTheAddresss() {
        for (int i = 0; i < 2; i++) attempts.failed("karim", "10.0.0.1");
        for (int i = 0; i < 2; i++) attempts.failed("mallory", "10.0.0.1");
        attempts.succeeded("karim");

        attempts.failed("karim", "10.0.0.2");
        assertThat(attempts.refusal("karim", "10.0.0.3")).isEmpty();
        attempts.failed("mallory", "10.0.0.1");
        assertThat(attempts.refusal("anyone", "10.0.0.1")).isPresent();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        attempts.failed("karim", "10.0.0.1");
        attempts.failed("karim", "10.0.0.1");
        clock.advance(Duration.ofMinutes(16));
        attempts.failed("karim", "10.0.0.1");

        assertThat(attempts.refusal("karim", "10.0.0.1")).isEmpty();
    }

    @Test
    void aFloodOfAddressesIsForgottenRatherThanHeldWithoutBound() {
        SignInAttempts small = new SignInAttempts(new SignInAttempts.Limit(3, Duration.ofSeconds(30)),
                new SignInAttempts.Limit(1, Duration.ofSeconds(30)), Duration.ofMinutes(15), Duration.ofMinutes(15), 100, clock);
        small.failed(null, "10.9.9.9");
        assertThat(small.refusal(null, "10.9.9.9")).isPresent();

        for (int i = 0; i < 200; i++) small.failed(null, "10.1." + (i / 250) + "." + (i % 250));

        assertThat(small.refusal(null, "10.1.0." + 199)).isPresent(); // the latest are still counted
        assertThat(small.refusal(null, "10.9.9.9")).isEmpty();         // the table was dropped once full
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-08T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
