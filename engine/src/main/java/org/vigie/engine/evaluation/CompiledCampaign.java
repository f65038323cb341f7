package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.fact.Citizen;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Fact;

/**
 * One campaign's rules, compiled into a knowledge base of their own so that they can only ever
 * see the facts given to that campaign. Sessions are reused: each evaluation takes an idle one
 * (or creates it), inserts the visible facts, fires, deletes every fact and gives it back. Drools'
 * own {@code KieSessionsPool} is not used: its reset leaves activation groups half-fired, so a
 * reused session fired a whole group (see {@code SessionReuseTest}).
 */
final class CompiledCampaign {

    static final String OUT = "out";

    private static final DefaultAgendaEventListener FIRING = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            ((Outcome) event.getKieRuntime().getGlobal(OUT)).firing(event.getMatch().getRule().getName());
        }
    };

    private final Campaign campaign;
    private final KieBase kieBase;
    private final Queue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final Map<String, CompiledRule> rules;
    /** The fact types some rule of the campaign matches: inserting others would only cost time. */
    private final Set<Class<?>> readTypes;

    CompiledCampaign(Campaign campaign, KieBase kieBase, Map<String, CompiledRule> rules) {
        this.campaign = campaign;
        this.kieBase = kieBase;
        this.rules = Map.copyOf(rules);
        this.readTypes = rules.values().stream().flatMap(r -> r.footprint().factTypes().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    Campaign campaign() {
        return campaign;
    }

    Map<String, CompiledRule> rules() {
        return rules;
    }

    void evaluate(Citizen identity, CitizenFacts citizen, List<Fact> usable, List<Recommendation> into) {
        boolean insurerAllowed = FactGuard.insurerDataAllowed(campaign, citizen);
        List<Fact> visible = new ArrayList<>(usable.size());
        for (Fact fact : usable) {
            if (readTypes.contains(fact.getClass()) && FactGuard.visible(fact, campaign, insurerAllowed)) visible.add(fact);
        }
        Outcome out = new Outcome();
        KieSession session = idle.poll();
        if (session == null) {
            session = kieBase.newKieSession();
            session.addEventListener(FIRING);
        }
        boolean clean = false;
        try {
            session.setGlobal(OUT, out);
            if (campaign.declares(DataCategory.IDENTITY)) session.insert(identity);
            if (campaign.seasonal()) campaign.seasonOn(identity.on()).ifPresent(session::insert);
            for (Fact fact : visible) session.insert(fact.withoutProvenance());
            // effective dating: only the rules in force on the reference date may fire
            LocalDate on = identity.on();
            session.fireAllRules(match -> rules.get(match.getRule().getName()).inForceOn(on));
            for (FactHandle handle : new ArrayList<FactHandle>(session.getFactHandles())) session.delete(handle);
            clean = true;
        } finally {
            // a session a rule failed in is not trusted again
            if (clean) idle.offer(session); else session.dispose();
        }
        for (Outcome.Due due : out.dues()) {
            into.add(new Recommendation(campaign.key(), campaign.id(), due.rule(), due.dueFrom(), due.dueBy(),
                    due.reasons(), dataUsed(rules.get(due.rule()).footprint(), visible)));
        }
    }

    /** The categories the rule read, plus insurer data when insurer facts of a type it reads reached it. */
    private static List<DataCategory> dataUsed(RuleFootprint footprint, List<Fact> visible) {
        Set<DataCategory> used = EnumSet.noneOf(DataCategory.class);
        used.addAll(footprint.categories());
        for (Fact fact : visible) {
            if (fact.fromInsurer() && footprint.reads(fact.getClass())) {
                used.add(DataCategory.INSURER_DATA);
                break;
            }
        }
        return List.copyOf(used);
    }

    void close() {
        for (KieSession session; (session = idle.poll()) != null; ) session.dispose();
    }
}
