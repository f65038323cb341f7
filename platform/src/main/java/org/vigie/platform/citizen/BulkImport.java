package org.vigie.platform.citizen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Pathway;

/**
 * Stores many new citizens at once through PostgreSQL {@code COPY}: the same rows
 * {@link CitizenSpaces#importSnapshot} stores for a citizen it does not know (citizen, facts,
 * opt-out and consents with their history, traces), plus the legal representatives of minors.
 * One transaction: all or nothing. No event is published per citizen (a bulk load is followed by a
 * campaign run over everyone, not by a million re-evaluations).
 */
@Service
public class BulkImport {

    /** What a load stored: citizens, facts, and rows per table (facts, choices, traces...). */
    public record Loaded(long citizens, long facts, Map<String, Long> rows) {
    }

    private static final int BATCH = 10_000;
    private static final List<Pathway> PATHWAYS = List.of(Pathway.SCREENING, Pathway.CHRONIC_CONDITIONS, Pathway.PREGNANCY);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final FactTables facts;
    private final Clock clock;

    BulkImport(DataSource dataSource, JdbcClient jdbc, FactTables facts, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.facts = facts;
        this.clock = clock;
    }

    /** How many citizens have an external id starting with the prefix. */
    @Transactional(readOnly = true)
    public long countByExternalIdPrefix(String prefix) {
        return jdbc.sql("select count(*) from citizen where left(external_id, ?) = ?").params(prefix.length(), prefix)
                .query(Long.class).single();
    }

    /**
     * Stores {@code count} new citizens, the i-th being {@code space.apply(i)} (called from several
     * threads). An external id already stored fails the whole load: nothing is written.
     */
    @Transactional
    public Loaded load(Actor actor, String why, int count, IntFunction<SpaceImport> space) {
        Instant now = clock.instant();
        Ids ids = new Ids(now);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            CopyRows rows = new CopyRows();
            long citizens = 0;
            long stored = 0;
            CompletableFuture<List<SpaceImport>> next = batch(space, 0, count);
            for (int from = 0; from < count; from += BATCH) {
                List<SpaceImport> spaces = next.join();
                next = batch(space, from + BATCH, count); // generated while this batch is copied
                for (SpaceImport s : spaces) {
                    stored += add(rows, ids, s, actor, why, now);
                    citizens++;
                }
                rows.flush(copy);
            }
            return new Loaded(citizens, stored, rows.counts());
        } catch (SQLException e) {
            throw new IllegalStateException("bulk import failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static CompletableFuture<List<SpaceImport>> batch(IntFunction<SpaceImport> space, int from, int count) {
        int to = Math.min(count, from + BATCH);
        if (from >= to) return CompletableFuture.completedFuture(List.of());
        return CompletableFuture.supplyAsync(() -> IntStream.range(from, to).parallel().mapToObj(space).toList());
    }

    /** The rows of one space; returns how many facts it has. */
    private long add(CopyRows rows, Ids ids, SpaceImport space, Actor actor, String why, Instant now) {
        CitizenFacts c = space.citizen();
        CitizenId id = new CitizenId(ids.next());
        AccountState state = AccountState.fromContract(c.accountStatus());
        rows.add("citizen", List.of("id", "external_id", "birth_date", "sex", "contact_email", "contact_phone",
                        "prevention_opt_out", "account_status", "creation_notified_at", "status_changed_at", "closed_at",
                        "deletion_requested", "created_at", "updated_at"),
                values(id.value(), space.externalId(), c.birthDate(), c.sex().name(), space.contact().email(), space.contact().phone(),
                        c.preventionOptOut(),
                        state.name(), null, now, state == AccountState.CLOSED ? now : null, false, now, now));
        trace(rows, actor, id, "imported", why, now);
        long count = c.facts().peek(f -> facts.copy(rows, id, f, new FactId(ids.next()), actor.name(), now)).count();
        if (c.preventionOptOut()) {
            rows.add("prevention_opt_out_change", List.of("citizen_id", "opted_out", "changed_at", "changed_by"),
                    values(id.value(), true, now, actor.name()));
            trace(rows, actor, id, "prevention opt-out: objected", why, now);
        }
        for (Pathway pathway : PATHWAYS) {
            Consent consent = c.consentFor(pathway);
            if (consent == Consent.NOT_ASKED) continue;
            rows.add("insurer_consent", List.of("citizen_id", "pathway", "consent", "changed_at"),
                    values(id.value(), pathway.name(), consent.name(), now));
            rows.add("insurer_consent_change", List.of("citizen_id", "pathway", "consent", "changed_at", "changed_by"),
                    values(id.value(), pathway.name(), consent.name(), now, actor.name()));
            trace(rows, actor, id, "insurer-data consent " + pathway + ": " + consent, why, now);
        }
        representatives(rows, ids, space, id, actor, why, now);
        for (String token : space.devices()) {
            rows.add("push_device", List.of("token", "citizen_id", "registered_at"), values(token, id.value(), now));
        }
        if (!space.devices().isEmpty()) trace(rows, actor, id, "push device registered", why, now);
        return count;
    }

    private static void representatives(CopyRows rows, Ids ids, SpaceImport space, CitizenId id, Actor actor, String why,
                                        Instant now) {
        LocalDate born = space.citizen().birthDate();
        int slot = 1;
        for (String representative : space.legalRepresentatives()) {
            rows.add("representative", List.of("id", "citizen_id", "kind", "slot", "representative_id", "since", "ends_on", "created_at"),
                    values(ids.next(), id.value(), "LEGAL_REPRESENTATIVE", slot++, representative, space.on(), born.plusYears(18), now));
            trace(rows, actor, id, "legal representative " + representative + " appointed", why, now);
        }
    }

    private static void trace(CopyRows rows, Actor actor, CitizenId id, String what, String why, Instant now) {
        rows.add("trace", List.of("occurred_at", "actor_kind", "actor_id", "citizen_id", "action", "reason"),
                values(now, actor.kind().name(), actor.id(), id.value(), what, why));
    }

    private static List<Object> values(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object v : values) list.add(v);
        return list;
    }

    /**
     * Time-ordered identifiers (UUID version 7, RFC 9562: the load's start in milliseconds, random
     * bits, then a counter), so that the rows of a load are appended at the end of each primary-key
     * index instead of scattered through it. Opaque: nothing in them comes from the person.
     */
    private static final class Ids {
        private final long high;
        private final long low;
        private long counter;

        Ids(Instant start) {
            SecureRandom random = new SecureRandom();
            high = (start.toEpochMilli() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
            low = 0x8000_0000_0000_0000L | ((random.nextLong() & 0x3FFF_FFFFL) << 32);
        }

        UUID next() {
            return new UUID(high, low | (counter++ & 0xFFFF_FFFFL));
        }
    }
}
