package org.vigie.platform.recommendation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.engine.fact.Pathway;
import org.vigie.platform.citizen.CitizenId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code recommendation} table: every statement that reads or writes it, in bulk where a sweep
 * needs it. No rule of the lifecycle lives here ({@link Recommendations}, {@link Reconciliation}).
 */
@Component
class RecommendationTable {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, citizen_id, key, campaign, rule, rule_set, due_from, due_by, reasons, data_used, "
            + "status, created_at, updated_at, closed_at, planned_on, category";
    private static final String EXPLAIN = "update recommendation set rule = ?, rule_set = ?, due_by = ?, reasons = ?::jsonb, "
            + "data_used = ?::jsonb, explanation = ?, planned_on = ?, category = ?, pathway = ?, status = ?, updated_at = ?, "
            + "closed_at = null where id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RecommendationTable(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What a campaign's recommendations are filed under, as the rule-set version that made them declares it. */
    record Filing(NotificationCategory category, Pathway pathway) {

        static final Filing UNKNOWN = new Filing(null, null);
    }

    /**
     * The recommendations to open, as columns: one statement inserts them all (a batch of single-row
     * inserts costs a sweep's first run several times as much) and answers which were inserted.
     */
    static final class NewRows {

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
        private final List<String> categories = new ArrayList<>();
        private final List<String> pathways = new ArrayList<>();

        void add(UUID id, CitizenId citizen, Recommendation r, Explanation explanation, Filing filing) {
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
            categories.add(name(filing.category()));
            pathways.add(name(filing.pathway()));
        }

        boolean isEmpty() {
            return ids.isEmpty();
        }

        private static String[] strings(List<String> values) {
            return values.toArray(String[]::new);
        }
    }

    /** Inserts the new rows, unless a concurrent reconciliation of the same period stored its own: answers those inserted. */
    List<UUID> insert(NewRows rows, Instant now) {
        return jdbc.sql("insert into recommendation (id, citizen_id, key, campaign, rule, rule_set, due_from, due_by, reasons, "
                        + "data_used, explanation, planned_on, category, pathway, status, created_at, updated_at) "
                        + "select id, citizen_id, key, campaign, rule, rule_set, due_from::date, due_by::date, reasons::jsonb, "
                        + "data_used::jsonb, explanation, planned_on::date, category, pathway, 'OPEN', ?, ? "
                        + "from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) "
                        + "as r(id, citizen_id, key, campaign, rule, rule_set, due_from, due_by, reasons, data_used, explanation, "
                        + "planned_on, category, pathway) "
                        + "on conflict (citizen_id, key, due_from) do nothing returning id")
                .params(ts(now), ts(now), rows.ids.toArray(UUID[]::new), rows.citizens.toArray(UUID[]::new), NewRows.strings(rows.keys),
                        NewRows.strings(rows.campaigns), NewRows.strings(rows.rules), NewRows.strings(rows.ruleSets),
                        NewRows.strings(rows.dueFrom), NewRows.strings(rows.dueBy), NewRows.strings(rows.reasons),
                        NewRows.strings(rows.dataUsed), rows.digests.toArray(Long[]::new), NewRows.strings(rows.plannedOn),
                        NewRows.strings(rows.categories), NewRows.strings(rows.pathways))
                .query(UUID.class).list();
    }

    /** One row of {@link #explain}: a stored recommendation taking a decision's explanation, in {@code status}. */
    static Object[] explanation(Recommendation r, String ruleSet, Filing filing, Instant now, UUID id, RecommendationStatus status) {
        Explanation explanation = Reconciliation.explanation(r, ruleSet);
        return new Object[]{r.rule(), ruleSet, r.dueBy() == null ? null : Date.valueOf(r.dueBy()), json(explanation.reasons()),
                json(explanation.dataUsed()), explanation.digest(), r.plannedOn() == null ? null : Date.valueOf(r.plannedOn()),
                name(filing.category()), name(filing.pathway()), status.name(), ts(now), id};
    }

    /** Stores new explanations (and statuses) of stored recommendations; nothing at all for none, a sweep's usual case. */
    void explain(List<Object[]> rows) {
        if (!rows.isEmpty()) batch.batchUpdate(EXPLAIN, rows);
    }

    /** Closes stored recommendations: each {@code {status, now, now, id}}. */
    void close(List<Object[]> rows) {
        if (!rows.isEmpty()) batch.batchUpdate("update recommendation set status = ?, updated_at = ?, closed_at = ? where id = ?", rows);
    }

    static Object[] closing(RecommendationStatus status, Instant now, UUID id) {
        return new Object[]{status.name(), ts(now), ts(now), id};
    }

    /**
     * What reconciliation needs of the stored recommendations of each citizen: no explanation is read,
     * only its digest; the day each was opened, in the zone of "today".
     */
    Map<CitizenId, List<Reconciliation.Held>> heldBy(Collection<CitizenId> citizens, ZoneId zone) {
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
                            rs.getTimestamp("created_at").toInstant().atZone(zone).toLocalDate(),
                            RecommendationStatus.valueOf(rs.getString("status")), rs.getLong("explanation"),
                            rs.getObject("planned_on", LocalDate.class));
                }).list().stream()
                .collect(Collectors.groupingBy(Reconciliation.Held::citizen));
    }

    List<StoredRecommendation> of(CitizenId citizen) {
        return jdbc.sql("select " + COLUMNS + " from recommendation where citizen_id = ?")
                .param(citizen.value())
                .query(RecommendationTable::row).list();
    }

    Optional<StoredRecommendation> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from recommendation where id = ?").param(id).query(RecommendationTable::row).optional();
    }

    boolean markSeen(CitizenId citizen, UUID recommendation, Instant now) {
        return jdbc.sql("update recommendation set status = 'SEEN', updated_at = ? where id = ? and citizen_id = ? "
                        + "and status in ('OPEN', 'NOTIFIED')")
                .params(ts(now), recommendation, citizen.value()).update() > 0;
    }

    int markNotified(Collection<UUID> recommendations, Instant now) {
        return jdbc.sql("update recommendation set status = 'NOTIFIED', updated_at = ? where id = any(?) and status = 'OPEN'")
                .params(ts(now), recommendations.toArray(UUID[]::new)).update();
    }

    Map<UUID, Recommendations.Standing> standings(Collection<UUID> ids) {
        Map<UUID, Recommendations.Standing> standings = new HashMap<>();
        jdbc.sql("select id, status, campaign, data_used @> '[\"INSURER_DATA\"]'::jsonb, planned_on, pathway from recommendation "
                        + "where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> standings.put(rs.getObject(1, UUID.class),
                        new Recommendations.Standing(RecommendationStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                                rs.getObject(5, LocalDate.class), rs.getString(6) == null ? null : Pathway.valueOf(rs.getString(6)))))
                .list();
        return standings;
    }

    Map<CitizenId, List<UUID>> openOf(Collection<CitizenId> citizens) {
        Map<CitizenId, List<UUID>> open = new HashMap<>();
        jdbc.sql("select citizen_id, id from recommendation where citizen_id = any(?) and status = 'OPEN' "
                        + "and planned_on is null")
                .param(citizens.stream().map(CitizenId::value).distinct().toArray(UUID[]::new))
                .query((rs, n) -> open.computeIfAbsent(new CitizenId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return open;
    }

    private static StoredRecommendation row(ResultSet rs, int n) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        Date dueBy = rs.getDate("due_by");
        String category = rs.getString("category");
        return new StoredRecommendation(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                rs.getString("key"), rs.getString("campaign"), rs.getString("rule"), rs.getString("rule_set"),
                rs.getDate("due_from").toLocalDate(), dueBy == null ? null : dueBy.toLocalDate(),
                JSON.readValue(rs.getString("reasons"), STRINGS), JSON.readValue(rs.getString("data_used"), STRINGS),
                RecommendationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
                rs.getObject("planned_on", LocalDate.class), category == null ? null : NotificationCategory.valueOf(category));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String json(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
