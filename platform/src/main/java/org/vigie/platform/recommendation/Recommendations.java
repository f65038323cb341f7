package org.vigie.platform.recommendation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.Pathway;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.Traces;
import org.vigie.platform.database.LostDatabase;
import org.vigie.platform.evaluation.RuleSets;
import org.vigie.platform.recommendation.RecommendationTable.Filing;

/**
 * The stored recommendations. {@link #reconcile} is the only way they are created or closed, for
 * one citizen or a whole chunk of a sweep, in one transaction and a handful of statements
 * ({@link RecommendationTable}); the rest reads them and follows their life as they are notified
 * and seen.
 */
@Service
public class Recommendations {

    private final RecommendationTable table;
    private final Traces traces;
    private final ApplicationEventPublisher events;
    private final RuleSets ruleSets;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Recommendations(RecommendationTable table, Traces traces, ApplicationEventPublisher events, RuleSets ruleSets, Clock clock,
                    PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.table = table;
        this.traces = traces;
        this.events = events;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /**
     * Brings the stored recommendations of every evaluated citizen in line with their decision
     * ({@link Reconciliation}), and publishes one {@link RecommendationsChanged} for all of them
     * when anything was opened or closed.
     */
    @Transactional
    public RecommendationsChanged reconcile(List<Evaluated> evaluated) {
        return reconcile(evaluated, campaign -> true);
    }

    /**
     * As {@link #reconcile(List)}, for the recommendations of some campaigns only (a campaign's
     * sweep): those of other campaigns are neither opened nor closed, whatever the decision says.
     */
    @Transactional
    public RecommendationsChanged reconcile(List<Evaluated> evaluated, Set<String> campaigns) {
        return reconcile(evaluated, campaigns::contains);
    }

    /**
     * As {@link #reconcile(List, Set)}, isolating the citizens whose reconciliation fails on their own
     * data (a date the database cannot store): each of them is told to {@code failed} and left as
     * stored, the others are reconciled all the same, in one event. Only the failing case pays for
     * one savepoint per citizen; a lost database still fails the whole call.
     */
    @Transactional
    public RecommendationsChanged reconcileIsolating(List<Evaluated> evaluated, Set<String> campaigns,
                                                     BiConsumer<CitizenId, RuntimeException> failed) {
        try {
            return savepoint.execute(s -> reconcile(evaluated, campaigns::contains));
        } catch (RuntimeException e) {
            if (LostDatabase.causedBy(e)) throw e;
            // one citizen at a time, to find those at fault
        }
        List<RecommendationsChanged.Opened> opened = new ArrayList<>();
        List<RecommendationsChanged.Closed> closed = new ArrayList<>();
        List<RecommendationsChanged.DueAgain> dueAgain = new ArrayList<>();
        for (Evaluated one : evaluated) {
            try {
                RecommendationsChanged changed = savepoint.execute(s -> write(List.of(one), campaigns::contains));
                opened.addAll(changed.opened());
                closed.addAll(changed.closed());
                dueAgain.addAll(changed.dueAgain());
            } catch (RuntimeException e) {
                if (LostDatabase.causedBy(e)) throw e;
                failed.accept(one.citizen(), e);
            }
        }
        return published(new RecommendationsChanged(opened, closed, dueAgain, clock.instant()));
    }

    private RecommendationsChanged reconcile(List<Evaluated> evaluated, Predicate<String> inScope) {
        return published(write(evaluated, inScope));
    }

    private RecommendationsChanged published(RecommendationsChanged changed) {
        if (!changed.isEmpty()) events.publishEvent(changed);
        return changed;
    }

    /** Writes what the decisions change, and answers it, publishing nothing. */
    private RecommendationsChanged write(List<Evaluated> evaluated, Predicate<String> inScope) {
        Instant now = clock.instant();
        Filings filings = new Filings();
        Map<CitizenId, List<Reconciliation.Held>> held = table.heldBy(evaluated.stream().map(Evaluated::citizen).toList(),
                clock.getZone());
        RecommendationTable.NewRows inserts = new RecommendationTable.NewRows();
        List<Object[]> reopenings = new ArrayList<>();
        List<Object[]> closings = new ArrayList<>();
        List<Object[]> explanations = new ArrayList<>();
        List<RecommendationsChanged.Opened> created = new ArrayList<>();
        List<RecommendationsChanged.Opened> opened = new ArrayList<>();
        List<RecommendationsChanged.Closed> closed = new ArrayList<>();
        List<RecommendationsChanged.DueAgain> dueAgain = new ArrayList<>();
        for (Evaluated e : evaluated) {
            Reconciliation.Plan plan = Reconciliation.plan(
                    held.getOrDefault(e.citizen(), List.of()).stream().filter(r -> inScope.test(r.campaign())).toList(),
                    e.decision().only(inScope));
            String ruleSet = e.decision().ruleSet();
            for (Recommendation r : plan.toOpen()) {
                UUID id = UUID.randomUUID();
                Filing filing = filings.of(ruleSet, r.campaign());
                inserts.add(id, e.citizen(), r, Reconciliation.explanation(r, ruleSet), filing);
                created.add(new RecommendationsChanged.Opened(id, e.citizen(), r.key(), r.campaign(), filing.category(), r.planned()));
            }
            for (Reconciliation.Reopened r : plan.toReopen()) {
                Filing filing = filings.of(ruleSet, r.stored().campaign());
                reopenings.add(RecommendationTable.explanation(r.now(), ruleSet, filing, now, r.stored().id(), RecommendationStatus.OPEN));
                opened.add(new RecommendationsChanged.Opened(r.stored().id(), e.citizen(), r.stored().key(), r.stored().campaign(),
                        filing.category(), r.now().planned()));
            }
            for (Reconciliation.Explained r : plan.toExplain()) {
                explanations.add(RecommendationTable.explanation(r.now(), ruleSet, filings.of(ruleSet, r.stored().campaign()), now,
                        r.stored().id(), r.stored().status()));
            }
            for (Reconciliation.Explained r : plan.dueAgain()) {
                dueAgain.add(new RecommendationsChanged.DueAgain(r.stored().id(), e.citizen(), r.stored().key(), r.stored().campaign(),
                        filings.of(ruleSet, r.stored().campaign()).category(), r.stored().plannedOn()));
            }
            for (Reconciliation.Closing c : plan.toClose()) {
                closings.add(RecommendationTable.closing(c.status(), now, c.stored().id()));
                closed.add(new RecommendationsChanged.Closed(c.stored().id(), e.citizen(), c.stored().key(), c.status()));
            }
        }
        if (!inserts.isEmpty()) {
            // a concurrent reconciliation of the same period keeps its row: never two recommendations
            Set<UUID> inserted = Set.copyOf(table.insert(inserts, now));
            created.stream().filter(o -> inserted.contains(o.recommendation())).forEach(opened::add);
        }
        table.explain(reopenings);
        table.explain(explanations);
        table.close(closings);
        return new RecommendationsChanged(opened, closed, dueAgain, now);
    }

    /**
     * What each campaign's recommendations are filed under (notification category, consent pathway),
     * as the version of the rule set that made the decision declares it: looked up once per version
     * and reconciliation. Nothing for a version or a campaign this node does not know.
     */
    private final class Filings {

        private final Map<String, Map<String, Filing>> byVersion = new HashMap<>();

        Filing of(String ruleSet, String campaign) {
            return byVersion.computeIfAbsent(ruleSet, id -> ruleSets.version(id).map(Filings::of).orElse(Map.of()))
                    .getOrDefault(campaign, Filing.UNKNOWN);
        }

        private static Map<String, Filing> of(RuleSet rules) {
            Map<String, Filing> filings = new HashMap<>();
            for (Campaign c : rules.campaigns()) filings.put(c.id(), new Filing(c.notificationCategory(), c.pathway()));
            return filings;
        }
    }

    /** Every recommendation of the citizen, the active ones first, newest first; traced as a read. */
    @Transactional
    public List<StoredRecommendation> of(Actor actor, CitizenId citizen, String why) {
        return of(actor, citizen, "read recommendations", why);
    }

    /**
     * As {@link #of(Actor, CitizenId, String)}, traced as the action {@code what}: a surface of the
     * space that shows them says what was read ("read prevention feed").
     */
    @Transactional
    public List<StoredRecommendation> of(Actor actor, CitizenId citizen, String what, String why) {
        List<StoredRecommendation> all = table.of(citizen).stream()
                .sorted((a, b) -> a.status().active() != b.status().active() ? (a.status().active() ? -1 : 1)
                        : b.createdAt().compareTo(a.createdAt()))
                .toList();
        traces.record(actor, citizen, what, why);
        return all;
    }

    @Transactional(readOnly = true)
    public Optional<StoredRecommendation> find(UUID id) {
        return table.find(id);
    }

    /** The holder has read it: SEEN, unless it is already seen or closed. */
    @Transactional
    public boolean markSeen(Actor actor, CitizenId citizen, UUID recommendation, String why) {
        boolean changed = table.markSeen(citizen, recommendation, clock.instant());
        if (changed) traces.record(actor, citizen, "recommendation seen", why);
        return changed;
    }

    /** A first notification went out: NOTIFIED, unless it was seen or closed meanwhile. */
    @Transactional
    public boolean markNotified(UUID recommendation) {
        return table.markNotified(List.of(recommendation), clock.instant()) > 0;
    }

    /** As {@link #markNotified(UUID)}, for many at once; answers how many moved to NOTIFIED. */
    @Transactional
    public int markNotified(Collection<UUID> recommendations) {
        if (recommendations.isEmpty()) return 0;
        return table.markNotified(recommendations, clock.instant());
    }

    /**
     * Where a recommendation stands when a notification of it is about to go: its status, its
     * campaign, whether insurer data was among the data used, and then the consent pathway whose
     * consent must still hold (none for a campaign not known when it was stored).
     */
    public record Standing(RecommendationStatus status, String campaign, boolean usedInsurerData, LocalDate plannedOn, Pathway pathway) {

        /** An appointment is booked for it: nobody is reminded of it until its date has passed. */
        public boolean planned() {
            return plannedOn != null;
        }
    }

    /** The standing of each of {@code ids} that exists: delivery checks them again just before sending. */
    @Transactional(readOnly = true)
    public Map<UUID, Standing> standings(Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        return table.standings(ids);
    }

    /**
     * The OPEN recommendations (not notified, seen or closed yet, nor planned: nobody is reminded of
     * those) of each of {@code citizens} that has some.
     */
    @Transactional(readOnly = true)
    public Map<CitizenId, List<UUID>> openOf(Collection<CitizenId> citizens) {
        if (citizens.isEmpty()) return Map.of();
        return table.openOf(citizens);
    }
}
