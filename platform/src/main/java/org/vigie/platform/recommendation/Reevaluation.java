package org.vigie.platform.recommendation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
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

/**
 * Re-evaluates one citizen as soon as something that decides their recommendations changes: the
 * stored recommendations follow at once (a screening now in the facts closes its recommendation; an
 * opt-out, a withdrawn consent, a closure or a death withdraws them). The events come through
 * Spring Modulith's publication registry: one not processed (a crash) is processed again.
 */
@Component
class Reevaluation {

    private final CitizenSpaces spaces;
    private final PreventionChoices choices;
    private final Recommendations recommendations;
    private final ObjectProvider<RuleSet> ruleSet;
    private final Clock clock;

    // a provider: the rule set is still being built in the background when this is created
    Reevaluation(CitizenSpaces spaces, PreventionChoices choices, Recommendations recommendations, ObjectProvider<RuleSet> ruleSet,
                 Clock clock) {
        this.spaces = spaces;
        this.choices = choices;
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
