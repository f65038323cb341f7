package org.vigie.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.vigie.platform.evaluation.TimeSettings;

/**
 * The whole application on a random port, on an embedded PostgreSQL of its own in a temporary
 * directory (never ./data), trusting the test identity provider's JWTs ({@link Api}) as well as the
 * development accounts, with today fixed at {@link #TODAY} ({@link TestClock}, which a test may move
 * and must reset). Every class with this annotation
 * shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigie.embedded-postgres.temporary=true",
                // the test identity provider: Api signs tokens with the private half
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:security/test-jwt.pub",
                // schedules that never fire while tests run (a sweep or a purge would change what they read);
                // a test fires a job through the scheduler when it means to
                "vigie.sweeps.default-cron=0 30 2 1 1 ? 2099", "vigie.sweeps.cron.screen-breast=0 0 3 1 1 ? 2099",
                "vigie.retention.cron=0 0 4 1 1 ? 2099",
                "vigie.sweeps.poll-interval=200ms"})
@Import(VigieApplicationTest.FixedClock.class)
public @interface VigieApplicationTest {

    LocalDate TODAY = LocalDate.of(2026, 3, 16);

    @TestConfiguration(proxyBeanMethods = false)
    class FixedClock {
        @Bean
        @Primary
        TestClock fixedClock(TimeSettings time) {
            return new TestClock(time.timeZone());
        }

        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }
    }
}
