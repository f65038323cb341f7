package org.vigie.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.json.SnapshotJson;

/**
 * The rule set outlives every evaluation: closing the application waits for the executors (the
 * event listeners' pool) to finish what they run before the rule set is closed, so a re-evaluation
 * under way at the end of a command never meets a disposed session.
 */
class RuleSetLifecycleTests {

    @Test
    void anEvaluationStillRunningWhenTheContextClosesFinishesOnAnOpenRuleSet() throws Exception {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        // registered before the rule set: without an explicit order it would be destroyed after it
        context.registerBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class, () -> {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setWaitForTasksToCompleteOnShutdown(true);
            executor.setAwaitTerminationSeconds(30);
            return executor;
        });
        context.register(EvaluationConfiguration.class);
        context.refresh();
        RuleSet rules = context.getBean(RuleSets.class).live();
        CountDownLatch started = new CountDownLatch(1);
        String woman = "{\"citizen\":{\"birthDate\":\"1966-02-01\",\"sex\":\"F\"}}";
        Future<Decision> late = context.getBean(ThreadPoolTaskExecutor.class).submit(() -> {
            // this thread's sessions exist: closing the rule set would dispose of them under its feet
            rules.evaluate(SnapshotJson.read(woman), LocalDate.of(2026, 3, 16));
            started.countDown();
            Thread.sleep(500); // the context starts closing meanwhile
            return rules.evaluate(SnapshotJson.read(woman), LocalDate.of(2026, 3, 16));
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        context.close();

        assertThat(late.get(1, TimeUnit.SECONDS).recommendations()).isNotEmpty();
    }
}
