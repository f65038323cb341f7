package org.vigie.platform.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.fact.Citizen;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.platform.input.StorableInput;

/**
 * Who may act on a represented space (docs/space-sources.md#representatives): up to two legal representatives of a minor,
 * whose access ends on the minor's 18th birthday, or the one representative of a protected adult.
 */
@Service
public class Representatives {

    private final JdbcClient jdbc;
    private final CitizenTable citizens;
    private final Traces traces;
    private final Clock clock;

    Representatives(JdbcClient jdbc, CitizenTable citizens, Traces traces, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.traces = traces;
        this.clock = clock;
    }

    /** Gives a legal representative access to a minor's space, until the minor's 18th birthday; at most two. */
    @Transactional
    public Representation appointLegalRepresentative(Actor actor, CitizenId minor, String representativeId, String why) {
        CitizenTable.Row row = citizens.lock(minor);
        notTheHolder(row, representativeId);
        LocalDate today = LocalDate.now(clock);
        if (Citizen.ageOn(row.birthDate(), today) >= 18) {
            throw new IllegalStateException("citizen " + minor + " is of age: legal representatives have no access any more");
        }
        List<Representation> current = of(minor);
        if (current.stream().anyMatch(r -> r.representativeId().equals(representativeId))) {
            throw new IllegalStateException(representativeId + " already represents citizen " + minor);
        }
        Set<Integer> taken = jdbc.sql("select slot from representative where citizen_id = ? and kind = 'LEGAL_REPRESENTATIVE'")
                .param(minor.value()).query(Integer.class).set();
        int slot = taken.contains(1) ? 2 : 1;
        if (taken.size() >= 2) {
            throw new IllegalStateException("a minor's space has at most two legal representatives; citizen " + minor + " has two");
        }
        Representation appointed = new Representation(minor, representativeId, Representation.Kind.LEGAL_REPRESENTATIVE,
                today, row.birthDate().plusYears(18));
        insert(appointed, slot);
        traces.record(actor, minor, "legal representative " + representativeId + " appointed", why);
        return appointed;
    }

    /** Gives the representative of a protected adult access to the adult's space; one per space. */
    @Transactional
    public Representation appointProtectedAdultRepresentative(Actor actor, CitizenId adult, String representativeId, String why) {
        CitizenTable.Row row = citizens.lock(adult);
        notTheHolder(row, representativeId);
        LocalDate today = LocalDate.now(clock);
        if (Citizen.ageOn(row.birthDate(), today) < 18) {
            throw new IllegalStateException("citizen " + adult + " is a minor: appoint legal representatives instead");
        }
        if (of(adult).stream().anyMatch(r -> r.kind() == Representation.Kind.PROTECTED_ADULT_REPRESENTATIVE)) {
            throw new IllegalStateException("citizen " + adult + " already has a representative");
        }
        Representation appointed = new Representation(adult, representativeId, Representation.Kind.PROTECTED_ADULT_REPRESENTATIVE,
                today, null);
        insert(appointed, 1);
        traces.record(actor, adult, "representative " + representativeId + " appointed", why);
        return appointed;
    }

    @Transactional
    public void revoke(Actor actor, CitizenId citizen, String representativeId, String why) {
        citizens.lock(citizen);
        int removed = jdbc.sql("delete from representative where citizen_id = ? and representative_id = ?")
                .params(citizen.value(), representativeId).update();
        if (removed > 0) traces.record(actor, citizen, "representative " + representativeId + " revoked", why);
    }

    /** The representations of a space, past ones included (a legal representative's ends at 18). */
    @Transactional(readOnly = true)
    public List<Representation> of(CitizenId citizen) {
        return jdbc.sql("select representative_id, kind, since, ends_on from representative where citizen_id = ? order by kind, slot")
                .param(citizen.value())
                .query((rs, n) -> new Representation(citizen, rs.getString(1), Representation.Kind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** Whether the representative may act on the citizen's space on the date. */
    @Transactional(readOnly = true)
    public boolean mayAct(String representativeId, CitizenId citizen, LocalDate on) {
        return of(citizen).stream().anyMatch(r -> r.representativeId().equals(representativeId) && r.activeOn(on));
    }

    /** The spaces the representative may act on, on the date: the spaces they switch between. */
    @Transactional(readOnly = true)
    public Set<CitizenId> representedBy(String representativeId, LocalDate on) {
        return jdbc.sql("""
                        select citizen_id from representative where representative_id = ?
                        and since <= ? and (ends_on is null or ends_on > ?)""")
                .params(representativeId, on, on)
                .query((rs, n) -> new CitizenId(rs.getObject(1, UUID.class)))
                .stream().collect(Collectors.toSet());
    }

    private void insert(Representation r, int slot) {
        jdbc.sql("""
                        insert into representative (id, citizen_id, kind, slot, representative_id, since, ends_on, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), r.represented().value(), r.kind().name(), slot, r.representativeId(), r.since(),
                        r.endsOn(), CitizenTable.ts(clock.instant()))
                .update();
    }

    /** A representative is someone else: the holder (whose subject is the space's external id) cannot represent themselves. */
    private static void notTheHolder(CitizenTable.Row row, String representativeId) {
        StorableInput.identifier(representativeId, "representativeId");
        if (representativeId.equals(row.externalId())) {
            throw new InvalidInputException("representativeId", "is the holder of this space: a person cannot be their own representative");
        }
    }
}
