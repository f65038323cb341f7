package org.vigie.platform.recommendation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.Traces;
import org.vigie.platform.database.LostDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored recommendations. {@link #reconcile} is the only way they are created or closed, for
 * one citizen or a whole chunk of a sweep, in one transaction and a handful of statements.
 */
@Service
public class Recommendations {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, citizen_id, key, campaign, rule, rule_set, due_from, due_by, reasons, data_used, "
            + "status, created_at, updated_at, closed_at, planned_on";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Traces traces;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<RuleSet> ruleSet;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    // a provider: the rule set is built in the background during start-up
    Recommendations(JdbcClient jdbc, JdbcTemplate batch, Traces traces, ApplicationEventPublisher events, ObjectProvider<RuleSet> ruleSet,
                    Clock clock, PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.batch = batch;
        this.traces = traces;
        this.events = events;
        this.ruleSet = ruleSet;
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

    /** What the engine says completes each campaign, over the citizen's facts (none for a suppressed citizen: never read). */
    private static Reconciliation.Done done(RuleSet rules, Evaluated e) {
        if (e.facts() == null) return (campaign, from, on) -> false;
        return (campaign, from, on) -> rules.completedBetween(campaign, e.facts(), from, on);
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
        RuleSet rules = ruleSet.getObject();
        Map<CitizenId, List<Reconciliation.Held>> held = heldBy(evaluated.stream().map(Evaluated::citizen).toList());
        NewRows inserts = new NewRows();
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
                    only(e.decision(), inScope), done(rules, e));
            String ruleSet = e.decision().ruleSet();
            for (Recommendation r : plan.toOpen()) {
                UUID id = UUID.randomUUID();
                inserts.add(id, e.citizen(), r, Reconciliation.explanation(r, ruleSet));
                created.add(new RecommendationsChanged.Opened(id, e.citizen(), r.key(), r.campaign(), r.planned()));
            }
            for (Reconciliation.Reopened r : plan.toReopen()) {
                reopenings.add(explanation(r.now(), ruleSet, now, r.stored().id(), RecommendationStatus.OPEN));
                opened.add(new RecommendationsChanged.Opened(r.stored().id(), e.citizen(), r.stored().key(), r.stored().campaign(),
                        r.now().planned()));
            }
            for (Reconciliation.Explained r : plan.toExplain()) {
                explanations.add(explanation(r.now(), ruleSet, now, r.stored().id(), r.stored().status()));
            }
            for (Reconciliation.Explained r : plan.dueAgain()) {
                dueAgain.add(new RecommendationsChanged.DueAgain(r.stored().id(), e.citizen(), r.stored().key(), r.stored().campaign(),
                        r.stored().plannedOn()));
            }
            for (Reconciliation.Closing c : plan.toClose()) {
                closings.add(new Object[]{c.status().name(), ts(now), ts(now), c.stored().id()});
                closed.add(new RecommendationsChanged.Closed(c.stored().id(), e.citizen(), c.stored().key(), c.status()));
            }
        }
        if (!created.isEmpty()) {
            // a concurrent reconciliation of the same period keeps its row: never two recommendations
            Set<UUID> inserted = Set.copyOf(inserts.insert(jdbc, now));
            created.stream().filter(o -> inserted.contains(o.recommendation())).forEach(opened::add);
        }
        String explain = "update recommendation set rule = ?, rule_set = ?, due_by = ?, reasons = ?::jsonb, data_used = ?::jsonb, "
                + "explanation = ?, planned_on = ?, status = ?, updated_at = ?, closed_at = null where id = ?";
        // nothing to write is the usual case of a nightly sweep: no statement at all then
        if (!reopenings.isEmpty()) batch.batchUpdate(explain, reopenings);
        if (!explanations.isEmpty()) batch.batchUpdate(explain, explanations);
        if (!closings.isEmpty()) {
            batch.batchUpdate("update recommendation set status = ?, updated_at = ?, closed_at = ? where id = ?", closings);
        }
        return new RecommendationsChanged(opened, closed, dueAgain, now);
    }

    /**
     * The recommendations to open, as columns: one statement inserts them all (a batch of single-row
     * inserts costs a sweep's first run several times as much) and answers which were inserted.
     */
    private static final class NewRows {

        private final List<UUID> ids = new ArrayList<>();
        private final List<UUID> citizens = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<String> campaigns = new ArrayList<>();
        private final List<String> rules = new ArrayList<>();
        private final List<String> ruleSets = new ArrayList<>();
        private final List<String> dueFrom = new ArrayList<>();
        private final List<String> dueBy = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();
        private final List<String> dataUsed = new ArrayList<>();
        private final List<Long> digests = new ArrayList<>();
        private final List<String> plannedOn = new ArrayList<>();

        void add(UUID id, CitizenId citizen, Recommendation r, Explanation explanation) {
            ids.add(id);
            citizens.add(citizen.value());
            keys.add(r.key());
            campaigns.add(r.campaign());
            rules.add(explanation.rule());
            ruleSets.add(explanation.ruleSet());
            dueFrom.add(r.dueFrom().toString());
            dueBy.add(r.dueBy() == null ? null : r.dueBy().toString());
            reasons.add(json(explanation.reasons()));
            dataUsed.add(json(explanation.dataUsed()));
            digests.add(explanation.digest());
            plannedOn.add(r.plannedOn() == null ? null : r.plannedOn().toString());
        }

        List<UUID> insert(JdbcClient jdbc, Instant now) {
            return jdbc.sql("insert into recommendation (id, citizen_id, key, campaign, rule, rule_set, due_from, due_by, reasons, "
                            + "data_used, explanation, planned_on, status, created_at, updated_at) "
                            + "select id, citizen_id, key, campaign, rule, rule_set, due_from::date, due_by::date, reasons::jsonb, "
                            + "data_used::jsonb, explanation, planned_on::date, 'OPEN', ?, ? "
                            + "from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                            + "?::text[], ?::text[], ?::bigint[], ?::text[]) "
                            + "as r(id, citizen_id, key, campaign, rule, rule_set, due_from, due_by, reasons, data_used, explanation, "
                            + "planned_on) "
                            + "on conflict (citizen_id, key, due_from) do nothing returning id")
                    .params(ts(now), ts(now), ids.toArray(UUID[]::new), citizens.toArray(UUID[]::new), strings(keys),
                            strings(campaigns), strings(rules), strings(ruleSets), strings(dueFrom), strings(dueBy), strings(reasons),
                            strings(dataUsed), digests.toArray(Long[]::new), strings(plannedOn))
                    .query(UUID.class).list();
        }

        private static String[] strings(List<String> values) {
            return values.toArray(String[]::new);
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
        List<StoredRecommendation> all = storedOf(List.of(citizen)).getOrDefault(citizen, List.of()).stream()
                .sorted((a, b) -> a.status().active() != b.status().active() ? (a.status().active() ? -1 : 1)
                        : b.createdAt().compareTo(a.createdAt()))
                .toList();
        traces.record(actor, citizen, what, why);
        return all;
    }

    @Transactional(readOnly = true)
    public Optional<StoredRecommendation> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from recommendation where id = ?").param(id).query(Recommendations::row).optional();
    }

    /** The holder has read it: SEEN, unless it is already seen or closed. */
    @Transactional
    public boolean markSeen(Actor actor, CitizenId citizen, UUID recommendation, String why) {
        int changed = jdbc.sql("update recommendation set status = 'SEEN', updated_at = ? where id = ? and citizen_id = ? "
                        + "and status in ('OPEN', 'NOTIFIED')")
                .params(ts(clock.instant()), recommendation, citizen.value()).update();
        if (changed > 0) traces.record(actor, citizen, "recommendation seen", why);
        return changed > 0;
    }

    /** A first notification went out: NOTIFIED, unless it was seen or closed meanwhile. */
    @Transactional
    public boolean markNotified(UUID recommendation) {
        return jdbc.sql("update recommendation set status = 'NOTIFIED', updated_at = ? where id = ? and status = 'OPEN'")
                .params(ts(clock.instant()), recommendation).update() > 0;
    }

    /**
     * Where a recommendation stands when a notification of it is about to go: its status, its
     * campaign, and whether insurer data was among the data used (then the consent must still hold).
     */
    public record Standing(RecommendationStatus status, String campaign, boolean usedInsurerData, LocalDate plannedOn) {

        /** An appointment is booked for it: nobody is reminded of it until its date has passed. */
        public boolean planned() {
            return plannedOn != null;
        }
    }

    /** The standing of each of {@code ids} that exists: delivery checks them again just before sending. */
    @Transactional(readOnly = true)
    public Map<UUID, Standing> standings(Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<UUID, Standing> standings = new HashMap<>();
        jdbc.sql("select id, status, campaign, data_used @> '[\"INSURER_DATA\"]'::jsonb, planned_on from recommendation "
                        + "where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> standings.put(rs.getObject(1, UUID.class),
                        new Standing(RecommendationStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                                rs.getObject(5, LocalDate.class))))
                .list();
        return standings;
    }

    /**
     * The OPEN recommendations (not notified, seen or closed yet, nor planned: nobody is reminded of
     * those) of each of {@code citizens} that has some.
     */
    @Transactional(readOnly = true)
    public Map<CitizenId, List<UUID>> openOf(Collection<CitizenId> citizens) {
        if (citizens.isEmpty()) return Map.of();
        Map<CitizenId, List<UUID>> open = new HashMap<>();
        jdbc.sql("select citizen_id, id from recommendation where citizen_id = any(?) and status = 'OPEN' "
                        + "and planned_on is null")
                .param(citizens.stream().map(CitizenId::value).distinct().toArray(UUID[]::new))
                .query((rs, n) -> open.computeIfAbsent(new CitizenId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return open;
    }

    /** As {@link #markNotified(UUID)}, for many at once; answers how many moved to NOTIFIED. */
    @Transactional
    public int markNotified(Collection<UUID> recommendations) {
        if (recommendations.isEmpty()) return 0;
        return jdbc.sql("update recommendation set status = 'NOTIFIED', updated_at = ? where id = any(?) and status = 'OPEN'")
                .params(ts(clock.instant()), recommendations.toArray(UUID[]::new)).update();
    }

    /** What reconciliation needs of the stored recommendations of each citizen: no explanation is read, only its digest. */
    private Map<CitizenId, List<Reconciliation.Held>> heldBy(Collection<CitizenId> citizens) {
        if (citizens.isEmpty()) return Map.of();
        UUID[] ids = citizens.stream().map(CitizenId::value).toArray(UUID[]::new);
        return jdbc.sql("select id, citizen_id, key, campaign, due_from, due_by, created_at, status, explanation, planned_on "
                        + "from recommendation "
                        + "where citizen_id = any(?)")
                .param(ids)
                .query((rs, n) -> {
                    Date dueBy = rs.getDate("due_by");
                    return new Reconciliation.Held(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                            rs.getString("key"), rs.getString("campaign"), rs.getDate("due_from").toLocalDate(),
                            dueBy == null ? null : dueBy.toLocalDate(),
                            rs.getTimestamp("created_at").toInstant().atZone(clock.getZone()).toLocalDate(),
                            RecommendationStatus.valueOf(rs.getString("status")), rs.getLong("explanation"),
                            rs.getObject("planned_on", LocalDate.class));
                }).list().stream()
                .collect(Collectors.groupingBy(Reconciliation.Held::citizen));
    }

    private Map<CitizenId, List<StoredRecommendation>> storedOf(Collection<CitizenId> citizens) {
        if (citizens.isEmpty()) return Map.of();
        UUID[] ids = citizens.stream().map(CitizenId::value).toArray(UUID[]::new);
        return jdbc.sql("select " + COLUMNS + " from recommendation where citizen_id = any(?)")
                .param(ids)
                .query(Recommendations::row).list().stream()
                .collect(Collectors.groupingBy(StoredRecommendation::citizen));
    }

    private static Decision only(Decision decision, Predicate<String> campaigns) {
        return new Decision(decision.citizenId(), decision.on(), decision.ruleSet(), decision.suppressed(),
                decision.recommendations().stream().filter(r -> campaigns.test(r.campaign())).toList());
    }

    private static Object[] explanation(Recommendation r, String ruleSet, Instant now, UUID id, RecommendationStatus status) {
        Explanation explanation = Reconciliation.explanation(r, ruleSet);
        return new Object[]{r.rule(), ruleSet, date(r), json(explanation.reasons()), json(explanation.dataUsed()), explanation.digest(),
                r.plannedOn() == null ? null : Date.valueOf(r.plannedOn()), status.name(), ts(now), id};
    }

    private static StoredRecommendation row(ResultSet rs, int n) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        Date dueBy = rs.getDate("due_by");
        return new StoredRecommendation(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                rs.getString("key"), rs.getString("campaign"), rs.getString("rule"), rs.getString("rule_set"),
                rs.getDate("due_from").toLocalDate(), dueBy == null ? null : dueBy.toLocalDate(),
                JSON.readValue(rs.getString("reasons"), STRINGS), JSON.readValue(rs.getString("data_used"), STRINGS),
                RecommendationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
                rs.getObject("planned_on", LocalDate.class));
    }

    private static Date date(Recommendation r) {
        return r.dueBy() == null ? null : Date.valueOf(r.dueBy());
    }

    private static String json(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
