package org.vigie.platform.recommendation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.platform.citizen.AccountStatusChanged;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.ConsentChanged;
import org.vigie.platform.citizen.FactsChanged;
import org.vigie.platform.citizen.PreventionOptOutChanged;
import org.vigie.platform.database.LostDatabase;
import org.vigie.platform.evaluation.RuleSets;

/**
 * Re-evaluates one citizen as soon as something that decides their recommendations changes: the
 * stored recommendations follow at once (a screening now in the facts closes its recommendation; an
 * opt-out, a withdrawn consent, a closure or a death withdraws them). The events come through
 * Spring Modulith's publication registry: one not processed (a crash, a lost database) is processed
 * again. One that can never succeed (the citizen's stored data breaks the engine or the store) is
 * recorded once in {@code reevaluation_failure}, with the citizen and the cause, and its event
 * completed: it is not handed back at every start, forever.
 */
@Component
class Reevaluation {

    private static final Logger log = LoggerFactory.getLogger(Reevaluation.class);

    private final StoredEvaluation evaluation;
    private final Recommendations recommendations;
    private final RuleSets ruleSets;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private volatile boolean closing;

    Reevaluation(StoredEvaluation evaluation, Recommendations recommendations, RuleSets ruleSets, Clock clock, JdbcClient jdbc,
                 PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.evaluation = evaluation;
        this.recommendations = recommendations;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FactsChanged event) {
        reevaluateOrRecord(event.citizen(), "facts changed");
    }

    @ApplicationModuleListener
    void on(ConsentChanged event) {
        reevaluateOrRecord(event.citizen(), "insurer-data consent " + event.pathway() + " changed");
    }

    @ApplicationModuleListener
    void on(PreventionOptOutChanged event) {
        reevaluateOrRecord(event.citizen(), event.optedOut() ? "opted out of prevention" : "takes part in prevention again");
    }

    @ApplicationModuleListener
    void on(AccountStatusChanged event) {
        reevaluateOrRecord(event.citizen(), "account " + event.to());
    }

    /** From here on a failure may be the stop itself: left to the registry, never recorded as the citizen's. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    /**
     * Re-evaluates in a savepoint; a failure that is not the database's (which the registry hands back
     * later) is the citizen's own: recorded once, and the event is done with.
     */
    void reevaluateOrRecord(CitizenId citizen, String why) {
        try {
            savepoint.executeWithoutResult(s -> reevaluate(citizen, why));
        } catch (RuntimeException e) {
            if (closing || LostDatabase.causedBy(e)) throw e;
            String cause = StoredEvaluation.Failure.causeOf(e).replace('\u0000', '?');
            if (cause.length() > 1_000) cause = cause.substring(0, 1_000) + "…";
            log.error("Re-evaluation of citizen {} ({}) cannot succeed, recorded as failed: {}", citizen, why, cause);
            jdbc.sql("insert into reevaluation_failure (citizen_id, reason, cause, failed_at) "
                            + "select ?, ?, ?, ? where exists (select 1 from citizen where id = ?)")
                    .params(citizen.value(), why, cause, Timestamp.from(clock.instant()), citizen.value()).update();
        }
    }

    /**
     * Evaluates the stored citizen today, as a sweep evaluates its chunk ({@link StoredEvaluation}),
     * and reconciles their recommendations. A citizen who may not be evaluated (opted out, space
     * closed, opposed or ended by death) has every active recommendation withdrawn without their facts
     * being read at all (P2); a space not created yet, or already purged, has nothing to reconcile.
     */
    RecommendationsChanged reevaluate(CitizenId citizen, String why) {
        StoredEvaluation.Result result = evaluation.evaluate(ruleSets.live(), List.of(citizen), LocalDate.now(clock), null,
                "re-evaluation: " + why, null);
        for (StoredEvaluation.Failure failure : result.failures()) {
            // the citizen's own data fails: recorded by the caller, the event done with
            if (failure.error() instanceof RuntimeException e) throw e;
            if (failure.error() instanceof Error e) throw e;
            throw new IllegalStateException(failure.cause(), failure.error());
        }
        return recommendations.reconcile(result.evaluated());
    }
}
