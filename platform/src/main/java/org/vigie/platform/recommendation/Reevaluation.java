package org.vigie.platform.recommendation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.Suppression;
import org.vigie.engine.fact.Snapshot;
import org.vigie.platform.citizen.Account;
import org.vigie.platform.citizen.AccountState;
import org.vigie.platform.citizen.AccountStatusChanged;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.ConsentChanged;
import org.vigie.platform.citizen.FactsChanged;
import org.vigie.platform.citizen.PreventionChoices;
import org.vigie.platform.citizen.PreventionOptOutChanged;
import org.vigie.platform.database.LostDatabase;

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

    private final CitizenSpaces spaces;
    private final PreventionChoices choices;
    private final Recommendations recommendations;
    private final ObjectProvider<RuleSet> ruleSet;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private volatile boolean closing;

    // a provider: the rule set is still being built in the background when this is created
    Reevaluation(CitizenSpaces spaces, PreventionChoices choices, Recommendations recommendations, ObjectProvider<RuleSet> ruleSet,
                 Clock clock, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.spaces = spaces;
        this.choices = choices;
        this.recommendations = recommendations;
        this.ruleSet = ruleSet;
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
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String cause = (root.getClass().getSimpleName() + ": " + root.getMessage()).replace('\u0000', '?');
            if (cause.length() > 1_000) cause = cause.substring(0, 1_000) + "…";
            log.error("Re-evaluation of citizen {} ({}) cannot succeed, recorded as failed: {}", citizen, why, cause);
            jdbc.sql("insert into reevaluation_failure (citizen_id, reason, cause, failed_at) "
                            + "select ?, ?, ?, ? where exists (select 1 from citizen where id = ?)")
                    .params(citizen.value(), why, cause, Timestamp.from(clock.instant()), citizen.value()).update();
        }
    }

    /**
     * Evaluates the stored citizen today and reconciles their recommendations. A citizen who may
     * not be evaluated (opted out, space closed, opposed or ended by death) has every active
     * recommendation withdrawn without their facts being read at all (P2); a space not created yet,
     * or already purged, has nothing to reconcile.
     */
    RecommendationsChanged reevaluate(CitizenId citizen, String why) {
        Optional<Account> account = spaces.findAccount(citizen);
        if (account.isEmpty() || account.get().state() == AccountState.NOT_CREATED) {
            return new RecommendationsChanged(List.of(), List.of(), clock.instant());
        }
        RuleSet rules = ruleSet.getObject();
        LocalDate today = LocalDate.now(clock);
        Suppression suppressed = suppression(account.get().state(), choices.optedOut(citizen));
        if (suppressed != null) {
            Decision nothing = new Decision(citizen.toString(), today, rules.id(), suppressed, List.of());
            return recommendations.reconcile(List.of(new Evaluated(citizen, null, nothing)));
        }
        Optional<Snapshot> stored = spaces.findSnapshot(Actor.engine(rules.id()), citizen, "re-evaluation: " + why);
        if (stored.isEmpty()) return new RecommendationsChanged(List.of(), List.of(), clock.instant()); // purged meanwhile
        Snapshot snapshot = stored.get();
        Decision decision = rules.evaluate(snapshot, today);
        return recommendations.reconcile(List.of(new Evaluated(citizen, snapshot.citizen(), decision)));
    }

    private static Suppression suppression(AccountState state, boolean optedOut) {
        return switch (state) {
            case OPPOSED -> Suppression.OPPOSED;
            case CLOSED -> Suppression.CLOSED;
            case DECEASED -> Suppression.DECEASED;
            default -> optedOut ? Suppression.OPT_OUT : null;
        };
    }
}
