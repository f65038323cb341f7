package org.vigie.platform.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.engine.fact.Sex;

/** The {@code citizen} table: identity, contact, account and the current opt-out. */
@Component
class CitizenTable {

    /** A row of the table. */
    record Row(CitizenId id, String externalId, LocalDate birthDate, Sex sex, Contact contact, boolean optedOut,
               Account account) {
    }

    private static final String COLUMNS = """
            id, external_id, birth_date, sex, contact_email, contact_phone, prevention_opt_out,
            account_status, creation_notified_at, status_changed_at, closed_at, deletion_requested""";

    private final JdbcClient jdbc;

    CitizenTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row, Instant at) {
        Account a = row.account();
        jdbc.sql("insert into citizen (" + COLUMNS + ", created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.id().value(), row.externalId(), row.birthDate(), row.sex().name(), row.contact().email(),
                        row.contact().phone(), row.optedOut(), a.state().name(), ts(a.creationNotifiedAt()),
                        ts(a.statusChangedAt()), ts(a.closedAt()), a.deletionRequested(), ts(at), ts(at))
                .update();
    }

    Optional<Row> find(CitizenId id) {
        return jdbc.sql("select " + COLUMNS + " from citizen where id = ?").param(id.value()).query(CitizenTable::row).optional();
    }

    /**
     * The row, shared-locked until the end of the transaction: reading a citizen's data and tracing
     * the read happen before or after a purge of the space, never across it (no trace outlives its space).
     */
    Optional<Row> share(CitizenId id) {
        return jdbc.sql("select " + COLUMNS + " from citizen where id = ? for share").param(id.value())
                .query(CitizenTable::row).optional();
    }

    /** The rows of the citizens stored among {@code ids}, in id order, shared-locked as {@link #share} does. */
    List<Row> shareAll(Collection<CitizenId> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + " from citizen where id = any(?) order by id for share")
                .param(ids.stream().map(CitizenId::value).toArray(UUID[]::new))
                .query(CitizenTable::row).list();
    }

    /** The ids of the citizens stored in {@code [from, to)}, in id order; a null bound is open. */
    List<CitizenId> idsBetween(CitizenId from, CitizenId to) {
        // a bound is left out of the statement rather than tested for null in it: the index range scan stays
        List<Object> bounds = new ArrayList<>(2);
        StringBuilder sql = new StringBuilder("select id from citizen where true");
        if (from != null) {
            sql.append(" and id >= ?");
            bounds.add(from.value());
        }
        if (to != null) {
            sql.append(" and id < ?");
            bounds.add(to.value());
        }
        return jdbc.sql(sql.append(" order by id").toString()).params(bounds)
                .query((rs, n) -> new CitizenId(rs.getObject(1, UUID.class))).list();
    }

    /**
     * Cuts the stored citizens, in id order, into ranges of {@code size} citizens: the first id of
     * every range but the first (which starts at the lowest possible id), and how many there are.
     */
    Split split(int size) {
        long total = jdbc.sql("select count(*) from citizen").query(Long.class).single();
        List<CitizenId> starts = jdbc.sql("""
                        select id from (select id, row_number() over (order by id) - 1 as n from citizen) c
                        where n % ? = 0 and n > 0 order by id""")
                .param(size)
                .query((rs, n) -> new CitizenId(rs.getObject(1, UUID.class))).list();
        return new Split(starts, total);
    }

    record Split(List<CitizenId> starts, long citizens) {
    }

    /** The row, locked until the end of the transaction: transitions of one citizen happen one at a time. */
    Row lock(CitizenId id) {
        return jdbc.sql("select " + COLUMNS + " from citizen where id = ? for update").param(id.value())
                .query(CitizenTable::row).optional()
                .orElseThrow(() -> new UnknownCitizen(id));
    }

    /**
     * As {@link #findByExternalId}, holding until the end of the transaction a lock on the external
     * id: a concurrent first import of the same person waits, then finds the row this one inserted,
     * instead of failing on the unique external id. Needs READ COMMITTED (the default), so that the
     * lookup after the wait sees the other transaction's row.
     */
    Optional<CitizenId> findByExternalIdForUpdate(String externalId) {
        // an advisory lock, since there is no row yet to lock; a hash collision only makes two imports wait in turn
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(externalId).query().singleRow();
        return findByExternalId(externalId);
    }

    Optional<CitizenId> findByExternalId(String externalId) {
        return jdbc.sql("select id from citizen where external_id = ?").param(externalId)
                .query((rs, n) -> new CitizenId(rs.getObject(1, UUID.class))).optional();
    }

    void updateAccount(Account a, Instant at) {
        jdbc.sql("""
                        update citizen set account_status = ?, creation_notified_at = ?, status_changed_at = ?, closed_at = ?,
                        deletion_requested = ?, updated_at = ? where id = ?""")
                .params(a.state().name(), ts(a.creationNotifiedAt()), ts(a.statusChangedAt()), ts(a.closedAt()),
                        a.deletionRequested(), ts(at), a.citizen().value())
                .update();
    }

    void updateIdentity(CitizenId id, LocalDate birthDate, Sex sex, Instant at) {
        jdbc.sql("update citizen set birth_date = ?, sex = ?, updated_at = ? where id = ?")
                .params(birthDate, sex.name(), ts(at), id.value()).update();
    }

    void updateOptOut(CitizenId id, boolean optedOut, Instant at) {
        jdbc.sql("update citizen set prevention_opt_out = ?, updated_at = ? where id = ?")
                .params(optedOut, ts(at), id.value()).update();
    }

    void delete(CitizenId id) {
        jdbc.sql("delete from citizen where id = ?").param(id.value()).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        CitizenId id = new CitizenId(rs.getObject("id", UUID.class));
        Account account = new Account(id, AccountState.valueOf(rs.getString("account_status")),
                instant(rs, "creation_notified_at"), instant(rs, "status_changed_at"), instant(rs, "closed_at"),
                rs.getBoolean("deletion_requested"));
        return new Row(id, rs.getString("external_id"), rs.getObject("birth_date", LocalDate.class),
                Sex.valueOf(rs.getString("sex")), new Contact(rs.getString("contact_email"), rs.getString("contact_phone")),
                rs.getBoolean("prevention_opt_out"), account);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
