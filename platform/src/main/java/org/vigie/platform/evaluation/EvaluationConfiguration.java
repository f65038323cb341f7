package org.vigie.platform.evaluation;

import java.time.Clock;
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

    /** Today's date for snapshots without their own; the HTTP layer is the only place that reads it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
