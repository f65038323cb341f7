package org.vigie.platform.recommendation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Snapshot;
import org.vigie.platform.citizen.AccountState;
import org.vigie.platform.citizen.AccountStatusChanged;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.ConsentChanged;
import org.vigie.platform.citizen.FactsChanged;
import org.vigie.platform.citizen.PreventionOptOutChanged;

/**
 * Re-evaluates one citizen as soon as something that decides their recommendations changes: the
 * stored recommendations follow at once (a screening now in the facts closes its recommendation; an
 * opt-out, a withdrawn consent, a closure or a death withdraws them). The events come through
 * Spring Modulith's publication registry: one not processed (a crash) is processed again.
 */
@Component
class Reevaluation {

    private final CitizenSpaces spaces;
    private final Recommendations recommendations;
    private final ObjectProvider<RuleSet> ruleSet;
    private final Clock clock;

    // a provider: the rule set is still being built in the background when this is created
    Reevaluation(CitizenSpaces spaces, Recommendations recommendations, ObjectProvider<RuleSet> ruleSet, Clock clock) {
        this.spaces = spaces;
        this.recommendations = recommendations;
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FactsChanged event) {
        reevaluate(event.citizen(), "facts changed");
    }

    @ApplicationModuleListener
    void on(ConsentChanged event) {
        reevaluate(event.citizen(), "insurer-data consent " + event.pathway() + " changed");
    }

    @ApplicationModuleListener
    void on(PreventionOptOutChanged event) {
        reevaluate(event.citizen(), event.optedOut() ? "opted out of prevention" : "takes part in prevention again");
    }

    @ApplicationModuleListener
    void on(AccountStatusChanged event) {
        reevaluate(event.citizen(), "account " + event.to());
    }

    /** Evaluates the stored citizen today and reconciles their recommendations; a space not created yet has none. */
    RecommendationsChanged reevaluate(CitizenId citizen, String why) {
        if (spaces.account(citizen).state() == AccountState.NOT_CREATED) {
            return new RecommendationsChanged(List.of(), List.of(), clock.instant());
        }
        RuleSet rules = ruleSet.getObject();
        Snapshot snapshot = spaces.snapshot(Actor.engine(rules.id()), citizen, "re-evaluation: " + why);
        Decision decision = rules.evaluate(snapshot, LocalDate.now(clock));
        return recommendations.reconcile(List.of(new Evaluated(citizen, snapshot.citizen(), decision)));
    }
}
