package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.TestPropertySource;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Sex;

/**
 * The citizen module starts with its direct dependencies ({@code input}, {@code web}), the
 * database and a clock, and nothing that listens to it: a space is kept and its changes published
 * on their own.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "database")
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class CitizenModuleTests {

    /** The application's clock is evaluation's bean: the module is given one of its own. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ModuleClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    ApplicationContext context;

    @Test
    void keepsASpaceAndPublishesItsChangesWithoutTheModulesThatListen(AssertablePublishedEvents events) {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1970, 5, 1), Sex.F);

        spaceFacts.addFact(Actor.holder(id), id, new Condition("J45", null), "profile");

        assertThat(spaceFacts.facts(Actor.holder(id), id, "check")).extracting(f -> ((Condition) f.fact()).code())
                .containsExactly("J45");
        assertThat(events.ofType(FactsChanged.class).matching(e -> e.citizen().equals(id))).hasSize(1);
        assertThat(context.getBeanNamesForType(classNamed("org.vigie.platform.recommendation.Recommendations")))
                .as("recommendation is not started").isEmpty();
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
