package org.vigie.platform.evaluation;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;

@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

    /**
     * Built once and shared by every request; a broken rule base stops the start-up. Built in the
     * background, while the database starts: both take seconds.
     */
    @Bean(destroyMethod = "close", bootstrap = Bean.Bootstrap.BACKGROUND)
    RuleSet ruleSet() {
        return RuleSetManifest.loadDefault();
    }

    /**
     * Nothing evaluates on a closed rule set: every executor bean (the event listeners' pool above
     * all, whose re-evaluations may still be under way when a command or the server stops) is made a
     * dependent of the rule set, so that it is shut down, and awaited, before the rule set is closed.
     * Only the order of destruction changes: the rule set is still built in the background.
     */
    @Bean
    static BeanFactoryPostProcessor ruleSetClosesAfterExecutors() {
        return beans -> {
            for (String executor : beans.getBeanNamesForType(Executor.class, true, false)) {
                beans.registerDependentBean("ruleSet", executor);
            }
        };
    }

    /** Today's date for snapshots without their own; the HTTP layer is the only place that reads it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
