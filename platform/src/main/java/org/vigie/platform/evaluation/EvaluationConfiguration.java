package org.vigie.platform.evaluation;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigie.engine.evaluation.RuleSetManifest;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeSettings.class)
class EvaluationConfiguration {

    /**
     * The home of the rule sets, its first version (the shipped rule base) built in the background
     * while the database starts: both take seconds.
     */
    @Bean(destroyMethod = "close")
    RuleSets ruleSets() {
        return RuleSets.buildingInBackground(RuleSetManifest::loadDefault);
    }

    /** A broken rule base stops the start-up: the context is ready only once the first version is built. */
    @Bean
    SmartInitializingSingleton ruleSetBuilt(RuleSets ruleSets) {
        return ruleSets::live;
    }

    /**
     * Nothing evaluates on a closed rule set: every executor bean (the event listeners' pool above
     * all, whose re-evaluations may still be under way when a command or the server stops) is made a
     * dependent of the rule sets, so that it is shut down, and awaited, before they are closed.
     */
    @Bean
    static BeanFactoryPostProcessor ruleSetClosesAfterExecutors() {
        return beans -> {
            for (String executor : beans.getBeanNamesForType(Executor.class, true, false)) {
                beans.registerDependentBean("ruleSets", executor);
            }
        };
    }

    /**
     * The one clock, in the one zone of "today" ({@code vigie.time-zone}): re-evaluation, sweeps and
     * their schedules, surfaces, delivery's quiet hours and the HTTP default date all read the date
     * here, so that they agree on it at midnight whatever the server's own zone.
     */
    @Bean
    Clock clock(TimeSettings time) {
        return Clock.system(time.timeZone());
    }
}
