package org.vigie.platform.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.AppointmentStatus;
import org.vigie.engine.fact.CodeSystem;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.DocumentType;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Relation;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;

/**
 * One table per fact type of the contract, with the same provenance columns (source, author,
 * hidden_from_representatives, created_at, updated_at). Knows the SQL; knows no rule of the space.
 */
@Component
class FactTables {

    private static final String PROVENANCE = "source, author, hidden_from_representatives, created_at, updated_at";

    private final JdbcClient jdbc;

    FactTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Table<F extends Fact>(String name, Class<F> type, List<String> columns, String order,
                                         Function<F, List<Object>> values, Reader<F> reader) {

        String insert() {
            String own = String.join(", ", columns);
            String marks = "?, ".repeat(columns.size() + 7);
            return "insert into " + name + " (id, citizen_id, " + own + ", " + PROVENANCE + ") values ("
                    + marks.substring(0, marks.length() - 2) + ")";
        }

        String update() {
            StringBuilder set = new StringBuilder();
            for (String column : columns) set.append(column).append(" = ?, ");
            return "update " + name + " set " + set + "source = ?, author = ?, hidden_from_representatives = ?, updated_at = ?"
                    + " where id = ? and citizen_id = ?";
        }

        String select() {
            return "select id, " + String.join(", ", columns) + ", " + PROVENANCE + " from " + name
                    + " where citizen_id = ? order by " + order + ", created_at, id";
        }

        /** The facts of many citizens at once, each citizen's in the same order as {@link #select()}. */
        String selectMany() {
            return "select citizen_id, id, " + String.join(", ", columns) + ", " + PROVENANCE + " from " + name
                    + " where citizen_id = any(?) order by citizen_id, " + order + ", created_at, id";
        }
    }

    @FunctionalInterface
    private interface Reader<F> {
        F read(ResultSet rs, Source source, boolean hidden) throws SQLException;
    }

    private static final List<Table<?>> TABLES = List.of(
            new Table<>("pregnancy", Pregnancy.class, List.of("start"), "start",
                    f -> values(date(f.start())),
                    (rs, source, hidden) -> new Pregnancy(localDate(rs, "start"), source, hidden)),
            new Table<>("condition", Condition.class, List.of("code", "since"), "since nulls first, code",
                    f -> values(f.code(), date(f.since())),
                    (rs, source, hidden) -> new Condition(rs.getString("code"), localDate(rs, "since"), source, hidden, null)),
            new Table<>("treatment", Treatment.class, List.of("code", "since"), "since nulls first, code",
                    f -> values(f.code(), date(f.since())),
                    (rs, source, hidden) -> new Treatment(rs.getString("code"), localDate(rs, "since"), source, hidden, null)),
            new Table<>("vaccination", Vaccination.class, List.of("vaccine", "date"), "date, vaccine",
                    f -> values(name(f.vaccine()), date(f.date())),
                    (rs, source, hidden) -> new Vaccination(Vaccine.valueOf(rs.getString("vaccine")), localDate(rs, "date"), source, hidden)),
            new Table<>("act", Act.class, List.of("kind", "date", "code", "system"), "date, kind, code",
                    f -> values(name(f.kind()), date(f.date()), f.code(), name(f.system())),
                    (rs, source, hidden) -> new Act(value(ActKind.class, rs.getString("kind")), localDate(rs, "date"),
                            rs.getString("code"), value(CodeSystem.class, rs.getString("system")), source, hidden)),
            new Table<>("measure", Measure.class, List.of("kind", "value", "date"), "date, kind",
                    f -> values(name(f.kind()), f.value(), date(f.date())),
                    (rs, source, hidden) -> new Measure(MeasureKind.valueOf(rs.getString("kind")), rs.getDouble("value"),
                            localDate(rs, "date"), source, hidden)),
            new Table<>("family_history", FamilyHistory.class, List.of("code", "relation", "age_at_diagnosis"), "code, relation",
                    f -> values(f.code(), name(f.relation()), f.ageAtDiagnosis()),
                    (rs, source, hidden) -> new FamilyHistory(rs.getString("code"), value(Relation.class, rs.getString("relation")),
                            rs.getObject("age_at_diagnosis", Integer.class), source, hidden, null)),
            new Table<>("appointment", Appointment.class, List.of("kind", "date", "status"), "date, kind",
                    f -> values(name(f.kind()), date(f.date()), name(f.status())),
                    (rs, source, hidden) -> new Appointment(AppointmentKind.valueOf(rs.getString("kind")), localDate(rs, "date"),
                            AppointmentStatus.valueOf(rs.getString("status")), source, hidden)),
            new Table<>("document", Document.class, List.of("type", "date"), "date, type",
                    f -> values(name(f.type()), date(f.date())),
                    (rs, source, hidden) -> new Document(DocumentType.valueOf(rs.getString("type")), localDate(rs, "date"), source, hidden)));

    /** Every fact table, including those outside the contract (agenda reminders): what a wipe must empty. */
    static final List<String> ALL = List.of("pregnancy", "condition", "treatment", "vaccination", "act", "measure",
            "family_history", "appointment", "document", "agenda_reminder");

    FactId insert(CitizenId citizen, Fact fact, String author, Instant at) {
        FactId id = new FactId(UUID.randomUUID());
        insert(table(fact), citizen, fact, id, author, at);
        return id;
    }

    private <F extends Fact> void insert(Table<F> table, CitizenId citizen, Fact fact, FactId id, String author, Instant at) {
        List<Object> params = new ArrayList<>();
        params.add(id.value());
        params.add(citizen.value());
        params.addAll(table.values().apply(table.type().cast(fact)));
        params.add(fact.source().name());
        params.add(author);
        params.add(fact.hiddenFromRepresentatives());
        params.add(Timestamp.from(at));
        params.add(Timestamp.from(at));
        jdbc.sql(table.insert()).params(params).update();
    }

    /** Adds the fact as a row for {@code COPY}: the same columns and values as {@link #insert}. */
    void copy(CopyRows rows, CitizenId citizen, Fact fact, FactId id, String author, Instant at) {
        copy(table(fact), rows, citizen, fact, id, author, at);
    }

    private <F extends Fact> void copy(Table<F> table, CopyRows rows, CitizenId citizen, Fact fact, FactId id, String author,
                                       Instant at) {
        List<String> columns = new ArrayList<>(table.columns().size() + 7);
        columns.add("id");
        columns.add("citizen_id");
        columns.addAll(table.columns());
        columns.addAll(List.of("source", "author", "hidden_from_representatives", "created_at", "updated_at"));
        List<Object> values = new ArrayList<>(columns.size());
        values.add(id.value());
        values.add(citizen.value());
        values.addAll(table.values().apply(table.type().cast(fact)));
        values.add(fact.source().name());
        values.add(author);
        values.add(fact.hiddenFromRepresentatives());
        values.add(at);
        values.add(at);
        rows.add(table.name(), columns, values);
    }

    /** Replaces the content of a stored fact by another fact of the same type; keeps its creation time. */
    void update(CitizenId citizen, FactId id, Fact fact, String author, Instant at) {
        update(table(fact), citizen, id, fact, author, at);
    }

    private <F extends Fact> void update(Table<F> table, CitizenId citizen, FactId id, Fact fact, String author, Instant at) {
        List<Object> params = new ArrayList<>(table.values().apply(table.type().cast(fact)));
        params.add(fact.source().name());
        params.add(author);
        params.add(fact.hiddenFromRepresentatives());
        params.add(Timestamp.from(at));
        params.add(id.value());
        params.add(citizen.value());
        jdbc.sql(table.update()).params(params).update();
    }

    /** Every stored fact of the citizen: pregnancy first, then each type in the contract's order, by date. */
    List<StoredFact> all(CitizenId citizen) {
        List<StoredFact> facts = new ArrayList<>();
        for (Table<?> table : TABLES) {
            facts.addAll(read(table, citizen));
        }
        return facts;
    }

    /** The stored facts of one type, by date. */
    List<StoredFact> all(CitizenId citizen, Class<? extends Fact> type) {
        for (Table<?> table : TABLES) {
            if (table.type() == type) return read(table, citizen);
        }
        throw new IllegalArgumentException("no table for " + type.getSimpleName());
    }

    private <F extends Fact> List<StoredFact> read(Table<F> table, CitizenId citizen) {
        return jdbc.sql(table.select()).param(citizen.value()).query((rs, n) -> stored(table, rs)).list();
    }

    /**
     * Every stored fact of each citizen, as {@link #all(CitizenId)} gives it for one, in one query per
     * fact table; a citizen without facts maps to an empty list.
     */
    Map<CitizenId, List<StoredFact>> all(Collection<CitizenId> citizens) {
        Map<CitizenId, List<StoredFact>> facts = new HashMap<>(citizens.size() * 2);
        citizens.forEach(c -> facts.put(c, new ArrayList<>()));
        if (citizens.isEmpty()) return facts;
        UUID[] ids = citizens.stream().map(CitizenId::value).toArray(UUID[]::new);
        for (Table<?> table : TABLES) {
            jdbc.sql(table.selectMany()).param(ids).query((RowCallbackHandler) rs -> {
                List<StoredFact> of = facts.get(new CitizenId(rs.getObject("citizen_id", UUID.class)));
                if (of != null) of.add(stored(table, rs));
            });
        }
        return facts;
    }

    /** The row mapping of every read: the fact with its provenance. */
    private static <F extends Fact> StoredFact stored(Table<F> table, ResultSet rs) throws SQLException {
        F fact = table.reader().read(rs, Source.valueOf(rs.getString("source")), rs.getBoolean("hidden_from_representatives"));
        return new StoredFact(new FactId(rs.getObject("id", UUID.class)), fact, rs.getString("author"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** Deletes one fact of the citizen; empty when the citizen has no such fact. */
    Optional<StoredFact> delete(CitizenId citizen, FactId id) {
        Optional<StoredFact> found = all(citizen).stream().filter(f -> f.id().equals(id)).findFirst();
        found.ifPresent(f -> jdbc.sql("delete from " + table(f.fact()).name() + " where id = ? and citizen_id = ?")
                .params(id.value(), citizen.value()).update());
        return found;
    }

    /** Deletes every fact of the contract's types (agenda reminders stay). */
    void deleteContractFacts(CitizenId citizen) {
        for (Table<?> table : TABLES) {
            jdbc.sql("delete from " + table.name() + " where citizen_id = ?").param(citizen.value()).update();
        }
    }

    /** Deletes every fact of the citizen, agenda reminders included. */
    void deleteAll(CitizenId citizen) {
        for (String table : ALL) {
            jdbc.sql("delete from " + table + " where citizen_id = ?").param(citizen.value()).update();
        }
    }

    private static Table<?> table(Fact fact) {
        for (Table<?> table : TABLES) {
            if (table.type().isInstance(fact)) return table;
        }
        throw new IllegalArgumentException("no table for " + fact.getClass().getSimpleName());
    }

    private static List<Object> values(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object v : values) list.add(v);
        return list;
    }

    private static LocalDate date(LocalDate date) {
        return date;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
