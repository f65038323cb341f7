package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.Completion;
import org.vigie.engine.campaign.SeasonOutlook;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Citizen;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.json.ContractDates;
import org.vigie.engine.terminology.Terminology;

/**
 * A built rule set: every campaign's compiled rules with its declaration and the terminology.
 * Built once and shared; {@link #evaluate} is safe to call from many threads, whatever their
 * context class loader. The reference date is always given by the caller: nothing here reads the
 * clock.
 */
public final class RuleSet implements AutoCloseable {

    private final String id;
    private final Terminology terminology;
    private final List<CompiledCampaign> campaigns;
    private final List<CampaignGroup> groups;
    /** Recommendations come out in rule-set order, whatever group produced them. */
    private final Map<String, Integer> order = new HashMap<>();
    /**
     * The class loader the rule set was built with. Drools finds its runtime through the thread's
     * context class loader, and a thread may lack the application's (inside the Spring Boot jar, a
     * fork-join pool's threads have the system class loader, which cannot see Drools): evaluation
     * runs with this one.
     */
    private final ClassLoader loader;
    private final Map<String, Campaign> byId = new HashMap<>();

    RuleSet(String id, Terminology terminology, List<CompiledCampaign> campaigns, ClassLoader loader) {
        this.loader = loader;
        this.id = id;
        this.terminology = terminology;
        this.campaigns = List.copyOf(campaigns);
        this.groups = CampaignGroup.of(this.campaigns);
        for (int i = 0; i < this.campaigns.size(); i++) order.put(this.campaigns.get(i).campaign().id(), i);
        this.campaigns.forEach(c -> byId.put(c.campaign().id(), c.campaign()));
    }

    /**
     * An independent rule set with the same compiled rules: knowledge bases and sessions of its own,
     * so that nothing evaluated by one can affect the other. Decisions are a function of the rule set,
     * the snapshot and the date alone, and the differential tests compare a fresh copy with a shared one.
     */
    public RuleSet fresh() {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // the knowledge bases are built here, as in evaluate
        try {
            return new RuleSet(id, terminology, campaigns, loader);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    /** The rule set's name and version, e.g. {@code default@2026.1}. */
    public String id() {
        return id;
    }

    public List<Campaign> campaigns() {
        return campaigns.stream().map(CompiledCampaign::campaign).toList();
    }

    /** Names of the rules of one campaign, for documentation and checks. */
    public List<String> rulesOf(String campaignId) {
        return campaigns.stream().filter(c -> c.campaign().id().equals(campaignId))
                .flatMap(c -> c.rules().keySet().stream()).sorted().toList();
    }

    /**
     * The criteria catalogue of every campaign as in force on {@code on}, in rule-set order: the
     * rules in force that day (an expired rule or one not yet in force is left out), sorted by
     * name, and the seasons as known that day.
     */
    public List<CampaignCriteria> criteria(LocalDate on) {
        return campaigns.stream().map(c -> {
            var campaign = c.campaign();
            var checks = c.rules().values().stream()
                    .filter(r -> r.inForceOn(on))
                    .sorted(Comparator.comparing(CompiledRule::name))
                    .map(r -> new CampaignCriteria.Check(r.name(), r.description(),
                            List.copyOf(r.footprint().categories()), r.effective(), r.expires()))
                    .toList();
            var declared = java.util.Arrays.stream(org.vigie.engine.fact.DataCategory.values())
                    .filter(campaign::declares).toList();
            return new CampaignCriteria(campaign.key(), campaign.id(), campaign.title(), campaign.description(),
                    campaign.pathway(), declared, checks, SeasonOutlook.of(campaign, on));
        }).toList();
    }

    /**
     * Evaluates one snapshot on its own date, or on {@code defaultOn} when it has none. Guards run
     * first: a suppressed citizen gets no recommendation and no rule runs.
     *
     * @throws org.vigie.engine.json.InvalidInputException when the reference date or the birth date is out of
     *         the contract's range, or the birth date is after the reference date
     */
    public Decision evaluate(Snapshot snapshot, LocalDate defaultOn) {
        return evaluate(snapshot, defaultOn, null);
    }

    /**
     * As {@link #evaluate(Snapshot, LocalDate)}, for some campaigns only (a campaign's sweep): only
     * the sessions of those campaigns run, and only their recommendations come out, exactly those
     * the whole rule set would make for them.
     */
    public Decision evaluate(Snapshot snapshot, LocalDate defaultOn, Set<String> campaignIds) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        if (caller == loader) return evaluateHere(snapshot, defaultOn, campaignIds);
        thread.setContextClassLoader(loader);
        try {
            return evaluateHere(snapshot, defaultOn, campaignIds);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    private Decision evaluateHere(Snapshot snapshot, LocalDate defaultOn, Set<String> campaignIds) {
        LocalDate on = snapshot.onOr(defaultOn);
        CitizenFacts citizen = snapshot.citizen();
        ContractDates.checkBirthDate(citizen, on);
        Suppression suppression = Suppression.of(citizen);
        if (suppression != null) {
            return new Decision(snapshot.citizenId(), on, id, suppression, List.of());
        }
        Citizen identity = Citizen.on(on, citizen.birthDate(), citizen.sex());
        List<Fact> usable = FactGuard.usable(citizen, identity, terminology);
        List<Recommendation> recommendations = new ArrayList<>();
        for (CampaignGroup group : groups) {
            if (campaignIds == null || group.coversAny(campaignIds)) group.evaluate(identity, citizen, usable, recommendations);
        }
        if (campaignIds != null) recommendations.removeIf(r -> !campaignIds.contains(r.campaign()));
        recommendations.replaceAll(r -> Booking.planned(r, byId.get(r.campaign()), citizen, usable, on));
        if (groups.size() < campaigns.size()) {
            recommendations.sort(Comparator.comparing(r -> order.get(r.campaign())));
        }
        return new Decision(snapshot.citizenId(), on, id, null, recommendations, completions(citizen, usable, campaignIds));
    }

    /**
     * The dates of the acts and vaccinations that complete each campaign in scope ({@code completedBy}
     * in its file), among the usable facts each campaign may see: the same guards as for its rules.
     */
    private Map<String, List<LocalDate>> completions(CitizenFacts citizen, List<Fact> usable, Set<String> campaignIds) {
        Map<String, List<LocalDate>> completions = new HashMap<>();
        for (CompiledCampaign compiled : campaigns) {
            Campaign campaign = compiled.campaign();
            Completion completion = campaign.completedBy();
            if (completion.isEmpty() || campaignIds != null && !campaignIds.contains(campaign.id())) continue;
            boolean insurerData = FactGuard.insurerDataAllowed(campaign, citizen);
            for (Fact fact : usable) {
                boolean completes = fact instanceof Act act ? completion.acts().contains(act.kind())
                        : fact instanceof Vaccination v && completion.vaccines().contains(v.vaccine());
                LocalDate date = fact.knownSince();
                if (completes && date != null && FactGuard.visible(fact, campaign, insurerData)) {
                    completions.computeIfAbsent(campaign.id(), k -> new ArrayList<>()).add(date);
                }
            }
        }
        return completions;
    }

    @Override
    public void close() {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            groups.forEach(CampaignGroup::close);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }
}
