package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.conf.ShareBetaNodesOption;
import org.drools.core.common.DefaultFactHandle;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.Season;
import org.vigie.engine.fact.Citizen;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Fact;

/**
 * Campaigns that see exactly the same facts for every citizen, evaluated in one session: they
 * declare the same data categories and, when they declare insurer data, the same consent pathway.
 * Runtime minimisation is unchanged (every campaign of the group is given only the facts of its
 * declared categories) while a citizen costs one session per group instead of one per campaign.
 * A seasonal campaign is a group of its own, so its rules only ever see its own season.
 *
 * <p>Every group's knowledge base is built here, from the compiled packages, with beta-node sharing
 * off ({@link #configuration()}): Drools 10.0 to 10.2 keep wrong segment prototypes when a rule added
 * after the first package splits a segment another rule already owns (apache/incubator-kie issues
 * 7109 and 7115), and a session made from them leaves a {@code not} over a fact type it has never
 * seen unlinked. Rules then failed to fire until some fact of that type had passed through the
 * session, so a decision depended on what the session had evaluated before. Without shared beta
 * nodes no segment is ever split; alpha nodes, which have no segments, are still shared.
 *
 * <p>Sessions are reused, one per thread: each evaluation takes its thread's session (or creates
 * it), inserts the visible facts, fires, and deletes every fact. A shared pool of idle sessions
 * scaled worse on two cores (threads fought over its queue). Drools' own {@code KieSessionsPool}
 * is not used either: its reset leaves activation groups half-fired, so a reused session fired a
 * whole group (see {@code SessionReuseTest}). There are at most as many sessions per group as
 * threads that ever evaluated; all are disposed when the rule set is closed.
 */
final class CampaignGroup {

    static final String OUT = "out";

    private static final DefaultAgendaEventListener FIRING = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            ((Conclusions) event.getKieRuntime().getGlobal(OUT)).firing(key(event.getMatch().getRule()));
        }
    };

    /** What makes two campaigns see the same facts. */
    record Visibility(Set<DataCategory> categories, Object insurerPathway, String seasonalCampaign) {

        static Visibility of(Campaign c) {
            return new Visibility(c.dataCategories(), c.declares(DataCategory.INSURER_DATA) ? c.pathway() : null,
                    c.seasonal() ? c.id() : null);
        }
    }

    private final Campaign representative;
    private final Set<String> members;
    private final KieBase kieBase;
    private final Map<String, CompiledRule> rules = new HashMap<>();
    private final List<CompiledRule> ruleList;
    /** The fact types some rule of the group matches: inserting others would only cost time. */
    private final long readTypes;
    /** A thread's session, with the listener that keeps its facts read-only while rules fire. */
    private record Worker(KieSession session, ReadOnlyFacts readOnly) {
    }

    private final ThreadLocal<Worker> local = new ThreadLocal<>();
    /** Rules by package, then name: looked up for every match when some rule is effective-dated. */
    private final Map<String, Map<String, CompiledRule>> byPackage = new HashMap<>();
    private final boolean dated;
    /** Every session created, to dispose them all on close (each thread only sees its own). */
    private final Queue<KieSession> created = new ConcurrentLinkedQueue<>();

    private CampaignGroup(List<CompiledCampaign> members, KieBase kieBase) {
        this.representative = members.get(0).campaign();
        this.members = members.stream().map(m -> m.campaign().id()).collect(Collectors.toUnmodifiableSet());
        this.kieBase = kieBase;
        for (CompiledCampaign member : members) {
            member.rules().values().forEach(r -> rules.put(r.key(), r));
        }
        this.ruleList = List.copyOf(rules.values());
        for (CompiledRule rule : ruleList) {
            byPackage.computeIfAbsent(rule.packageName(), k -> new HashMap<>()).put(rule.name(), rule);
        }
        this.dated = ruleList.stream().anyMatch(r -> r.effective() != null || r.expires() != null);
        this.readTypes = FactTypes.mask(rules.values().stream().flatMap(r -> r.footprint().factTypes().stream()).toList());
    }

    /** Groups campaigns by what they see, merging the knowledge bases of a group's members. */
    static List<CampaignGroup> of(List<CompiledCampaign> campaigns) {
        Map<Visibility, List<CompiledCampaign>> byVisibility = campaigns.stream().collect(
                Collectors.groupingBy(c -> Visibility.of(c.campaign()), java.util.LinkedHashMap::new, Collectors.toList()));
        List<CampaignGroup> groups = new ArrayList<>();
        for (List<CompiledCampaign> members : byVisibility.values()) {
            groups.add(new CampaignGroup(members, knowledgeBase(members)));
        }
        return groups;
    }

    /**
     * The knowledge-base settings of every group: facts are value records (the same act recorded twice
     * is one fact, not two matches), and no beta node is shared between rules (see the class comment).
     */
    static KieBaseConfiguration configuration() {
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
        configuration.setOption(EqualityBehaviorOption.EQUALITY);
        configuration.setOption(ShareBetaNodesOption.NO);
        return configuration;
    }

    /** A knowledge base of the group's own, so that nothing built for one rule set is shared with another. */
    private static KieBase knowledgeBase(List<CompiledCampaign> members) {
        // internal API: the public one builds knowledge bases from sources only, and compiling the
        // sources again would double the start-up time
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(configuration());
        Collection<KiePackage> packages = new ArrayList<>();
        members.forEach(m -> packages.addAll(m.packages()));
        base.addPackages(packages);
        return base;
    }

    /** Whether some campaign of the group is one of {@code campaignIds}. */
    boolean coversAny(Set<String> campaignIds) {
        for (String id : members) {
            if (campaignIds.contains(id)) return true;
        }
        return false;
    }

    static String key(Rule rule) {
        return rule.getPackageName() + "." + rule.getName();
    }

    void evaluate(Citizen identity, CitizenFacts citizen, List<Fact> usable, List<Recommendation> into) {
        boolean insurerAllowed = FactGuard.insurerDataAllowed(representative, citizen);
        List<Fact> visible = new ArrayList<>(usable.size());
        long present = 0;
        for (Fact fact : usable) {
            long type = FactTypes.bit(fact.getClass());
            if ((readTypes & type) != 0 && FactGuard.visible(fact, representative, insurerAllowed)) {
                visible.add(fact);
                present |= type;
            }
        }
        Season season = representative.seasonal() ? representative.seasonOn(identity.on()).orElse(null) : null;
        if (representative.declares(DataCategory.IDENTITY)) present |= FactTypes.bit(Citizen.class);
        if (season != null) present |= FactTypes.bit(Season.class);
        if (!anyMayFire(identity, present)) return;
        Conclusions out = new Conclusions();
        Worker worker = local.get();
        if (worker == null) {
            worker = new Worker(kieBase.newKieSession(), new ReadOnlyFacts());
            worker.session().addEventListener(FIRING);
            worker.session().addEventListener(worker.readOnly());
            created.add(worker.session());
        }
        KieSession session = worker.session();
        boolean clean = false;
        try {
            session.setGlobal(OUT, out);
            if (representative.declares(DataCategory.IDENTITY)) session.insert(identity);
            if (season != null) session.insert(season);
            for (Fact fact : visible) session.insert(fact.withoutProvenance());
            LocalDate on = identity.on();
            worker.readOnly().firing(true);
            try {
                if (dated) {
                    // effective dating: only the rules in force on the reference date may fire
                    session.fireAllRules(match -> byPackage.get(match.getRule().getPackageName())
                            .get(match.getRule().getName()).inForceOn(on));
                } else {
                    session.fireAllRules();
                }
            } finally {
                worker.readOnly().firing(false);
            }
            for (FactHandle handle : new ArrayList<FactHandle>(session.getFactHandles())) session.delete(handle);
            clean = true;
        } finally {
            // a session a rule failed in is not trusted again
            if (clean) {
                local.set(worker);
            } else {
                local.remove();
                created.remove(session);
                session.dispose();
            }
        }
        for (Conclusions.Due due : out.dues()) {
            CompiledRule rule = Objects.requireNonNull(rules.get(due.rule()), due.rule());
            Campaign campaign = rule.campaign();
            into.add(new Recommendation(campaign.key(), campaign.id(), rule.name(), due.dueFrom(), due.dueBy(),
                    due.reasons(), dataUsed(rule.footprint(), visible)));
        }
    }

    private boolean anyMayFire(Citizen identity, long present) {
        DefaultFactHandle citizen = new DefaultFactHandle(identity);
        for (CompiledRule rule : ruleList) {
            if (rule.mayFire(identity.on(), citizen, present)) return true;
        }
        return false;
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
        for (KieSession session; (session = created.poll()) != null; ) session.dispose();
    }
}
