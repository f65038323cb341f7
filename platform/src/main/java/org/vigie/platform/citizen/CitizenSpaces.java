package org.vigie.platform.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.platform.input.StorableInput;

/**
 * Stores citizens with their facts, and reads them back, in particular as the evaluation
 * contract's {@link Snapshot}: the engine evaluates a stored citizen through the same code path
 * as the {@code evaluate} command; cuts them into ranges for sweeps. One fact at a time is
 * {@link SpaceFacts}'s. Every read and write is traced in the acting {@link Actor}'s name.
 */
@Service
public class CitizenSpaces {

    private static final List<Pathway> IMPORTED_PATHWAYS = List.of(Pathway.SCREENING, Pathway.CHRONIC_CONDITIONS, Pathway.PREGNANCY);

    private final CitizenTable citizens;
    private final FactTables facts;
    private final PreventionChoices choices;
    private final Traces traces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CitizenSpaces(CitizenTable citizens, FactTables facts, PreventionChoices choices, Traces traces,
                  ApplicationEventPublisher events, Clock clock) {
        this.citizens = citizens;
        this.facts = facts;
        this.choices = choices;
        this.traces = traces;
        this.events = events;
        this.clock = clock;
    }

    /** A person known to the insurer, whose space is not created yet; registering the same external id again finds them. */
    @Transactional
    public CitizenId register(Actor actor, Registration registration) {
        StorableInput.identifier(registration.externalId(), "externalId");
        StorableInput.check(registration, "");
        Optional<CitizenId> known = citizens.findByExternalIdForUpdate(registration.externalId());
        if (known.isPresent()) return known.get();
        Instant now = clock.instant();
        CitizenId id = CitizenId.random();
        citizens.insert(new CitizenTable.Row(id, registration.externalId(), registration.birthDate(), registration.sex(),
                registration.contact(), false,
                new Account(id, AccountState.NOT_CREATED, registration.creationNotifiedAt(), now, null, false)), now);
        traces.record(actor, id, "registered", "known to the insurer's referential");
        return id;
    }

    /**
     * Stores a citizen as a contract snapshot describes them: identity, account status, opt-out,
     * consents and facts (replacing the facts stored before). Idempotent by external id: importing
     * the same citizen twice changes nothing the second time and publishes nothing. The account
     * status is taken as the insurer's current state of the space, not as a transition.
     */
    @Transactional
    public CitizenId importSnapshot(Actor actor, String externalId, CitizenFacts citizen, String why) {
        return importCitizen(actor, externalId, citizen, why).citizen();
    }

    /**
     * As {@link #importSnapshot}, saying whether anything changed. When nothing differs from what is
     * stored (identity, account status, opt-out, consents, facts), nothing is written at all, not even
     * a trace: a re-delivered file leaves the database exactly as it was.
     */
    @Transactional
    public Imported importCitizen(Actor actor, String externalId, CitizenFacts citizen, String why) {
        return store(actor, externalId, citizen, why, true);
    }

    /**
     * As {@link #importCitizen}, for a source that carries identity and facts only (a FHIR bundle):
     * a citizen already stored keeps the account status, opt-out and consents the store holds, unless
     * the source tells a death (account status DECEASED), which moves the space to DECEASED and
     * withdraws what was pending; a new citizen takes those of {@code citizen} (the contract's defaults).
     */
    @Transactional
    public Imported importFacts(Actor actor, String externalId, CitizenFacts citizen, String why) {
        return store(actor, externalId, citizen, why, false);
    }

    private Imported store(Actor actor, String externalId, CitizenFacts citizen, String why, boolean withChoices) {
        StorableInput.identifier(externalId, "externalId");
        StorableInput.check(citizen, "citizen");
        Instant now = clock.instant();
        Optional<CitizenId> known = citizens.findByExternalIdForUpdate(externalId);
        CitizenId id;
        boolean factsChanged;
        if (known.isEmpty()) {
            id = CitizenId.random();
            AccountState state = AccountState.fromContract(citizen.accountStatus());
            citizens.insert(new CitizenTable.Row(id, externalId, citizen.birthDate(), citizen.sex(), Contact.NONE, false,
                    new Account(id, state, null, now, state == AccountState.CLOSED ? now : null, false)), now);
            traces.record(actor, id, "imported", why);
            // a new space: what is known of it changed from nothing, even without a fact (age alone recommends)
            factsChanged = true;
        } else {
            id = known.get();
            CitizenTable.Row row = citizens.lock(id);
            boolean identityChanged = !row.birthDate().equals(citizen.birthDate()) || row.sex() != citizen.sex();
            if (identityChanged) {
                citizens.updateIdentity(id, citizen.birthDate(), citizen.sex(), now);
            }
            // a source of facts only (FHIR) still tells a death: the space becomes DECEASED, whatever it was (P8)
            boolean death = citizen.accountStatus() == AccountStatus.DECEASED;
            AccountState state = withChoices || death ? AccountState.fromContract(citizen.accountStatus()) : row.account().state();
            boolean accountChanged = row.account().state() != state;
            if (accountChanged) {
                Account moved = new Account(id, state, row.account().creationNotifiedAt(), now,
                        state == AccountState.CLOSED ? now : row.account().closedAt(), row.account().deletionRequested());
                citizens.updateAccount(moved, now);
                events.publishEvent(new AccountStatusChanged(id, row.account().state(), state, now));
            }
            factsChanged = !counted(citizen.facts().toList()).equals(counted(facts.all(id).stream().map(StoredFact::fact).toList()));
            boolean choicesChanged = withChoices && (row.optedOut() != citizen.preventionOptOut() || !sameConsents(id, citizen));
            if (!identityChanged && !accountChanged && !factsChanged && !choicesChanged) {
                return new Imported(id, false);
            }
            traces.record(actor, id, factsChanged ? "imported" : "imported (no change of facts)", why);
        }
        if (factsChanged) {
            facts.deleteContractFacts(id);
            citizen.facts().forEach(f -> facts.insert(id, f, actor.name(), now));
            events.publishEvent(new FactsChanged(id, now));
        }
        if (withChoices || known.isEmpty()) {
            choices.setOptOut(actor, id, citizen.preventionOptOut(), why);
            for (Pathway pathway : IMPORTED_PATHWAYS) {
                choices.setConsent(actor, id, pathway, citizen.consentFor(pathway), why);
            }
        }
        return new Imported(id, true);
    }

    /** What an import did: the citizen's id, and whether anything was written. */
    public record Imported(CitizenId citizen, boolean changed) {
    }

    private boolean sameConsents(CitizenId id, CitizenFacts citizen) {
        Map<Pathway, Consent> stored = choices.consents(id);
        return IMPORTED_PATHWAYS.stream()
                .allMatch(p -> stored.getOrDefault(p, Consent.NOT_ASKED) == citizen.consentFor(p));
    }

    @Transactional(readOnly = true)
    public Optional<CitizenId> findByExternalId(String externalId) {
        return citizens.findByExternalId(externalId);
    }

    /** The account of a citizen, if they are (still) stored. */
    @Transactional(readOnly = true)
    public Optional<Account> findAccount(CitizenId citizen) {
        return citizens.find(citizen).map(CitizenTable.Row::account);
    }

    @Transactional(readOnly = true)
    public Account account(CitizenId citizen) {
        return citizens.find(citizen).orElseThrow(() -> new UnknownCitizen(citizen)).account();
    }

    /**
     * The stored citizen in the evaluation contract's format, with no reference date (the caller
     * gives it) and the opaque id as {@code citizenId}. Refused for a space not created yet. A
     * representative's copy leaves out what the citizen hid from the representatives. Exactly what
     * is stored: the engine derives a BMI from weight and height itself, as for any snapshot.
     */
    @Transactional
    public Snapshot snapshot(Actor actor, CitizenId id, String why) {
        return findSnapshot(actor, id, why).orElseThrow(() -> new UnknownCitizen(id));
    }

    /** As {@link #snapshot}, empty when the citizen is not (or no longer) stored: nothing is read or traced then. */
    @Transactional
    public Optional<Snapshot> findSnapshot(Actor actor, CitizenId id, String why) {
        Optional<CitizenTable.Row> found = citizens.share(id);
        if (found.isEmpty()) return Optional.empty();
        CitizenTable.Row row = found.get();
        row.account().state().toContract(); // refuses a space not created yet before anything is read
        Map<Pathway, Consent> consents = choices.consents(id);
        List<StoredFact> stored = facts.all(id);
        traces.record(actor, id, "read snapshot", why);
        return Optional.of(snapshot(actor, row, consents, stored));
    }

    /**
     * {@link #snapshot} of many citizens at once (a chunk of a sweep), in the order of {@code ids}:
     * one query per table whatever their number, and one trace entry per citizen read, written in one
     * statement. A space not created yet has no snapshot, and an id no longer stored (purged) has
     * none either: both are left out of the answer.
     *
     * <p>A citizen whose data may not serve prevention — opted out (P2), or whose space is opposed,
     * closed or ended by death (P8) — gets a snapshot of their account alone: none of their facts
     * or consents is read, and nothing is traced, since nothing of their record was read. The
     * engine suppresses such a snapshot before any rule, which withdraws what was recommended.
     */
    @Transactional
    public Map<CitizenId, Snapshot> snapshots(Actor actor, List<CitizenId> ids, String why) {
        Map<CitizenId, CitizenTable.Row> rows = new HashMap<>(ids.size() * 2);
        for (CitizenTable.Row row : citizens.shareAll(ids)) {
            if (row.account().state() != AccountState.NOT_CREATED) rows.put(row.id(), row);
        }
        List<CitizenId> created = ids.stream().filter(rows::containsKey).distinct().toList();
        List<CitizenId> usable = created.stream()
                .filter(id -> rows.get(id).account().state().servesPrevention(rows.get(id).optedOut())).toList();
        Map<CitizenId, Map<Pathway, Consent>> consents = choices.consents(usable);
        Map<CitizenId, List<StoredFact>> stored = facts.all(usable);
        traces.recordAll(actor, usable, "read snapshot", why);
        Map<CitizenId, Snapshot> snapshots = new LinkedHashMap<>(created.size() * 2);
        for (CitizenId id : created) {
            snapshots.put(id, snapshot(actor, rows.get(id), consents.getOrDefault(id, Map.of()), stored.getOrDefault(id, List.of())));
        }
        return snapshots;
    }


    /** The contract's snapshot of a stored citizen whose space is created, as the actor may see it. */
    private static Snapshot snapshot(Actor actor, CitizenTable.Row row, Map<Pathway, Consent> consents, List<StoredFact> facts) {
        var status = row.account().state().toContract();
        List<Fact> stored = visibleTo(actor, facts).stream().map(StoredFact::fact).toList();
        return new Snapshot(row.id().toString(), null, new CitizenFacts(row.birthDate(), row.sex(), status, row.optedOut(), consents,
                only(stored, Condition.class), only(stored, Treatment.class),
                only(stored, Pregnancy.class).stream().findFirst().orElse(null),
                only(stored, Vaccination.class), only(stored, Act.class), only(stored, Measure.class),
                only(stored, FamilyHistory.class), only(stored, Appointment.class), only(stored, Document.class)));
    }

    /** What an actor may see: a representative never sees a fact the citizen hid from the representatives. */
    static List<StoredFact> visibleTo(Actor actor, List<StoredFact> stored) {
        if (actor.kind() != Actor.Kind.REPRESENTATIVE) return stored;
        return stored.stream().filter(f -> !f.fact().hiddenFromRepresentatives()).toList();
    }

    /**
     * The stored citizens cut, in id order, into contiguous ranges of {@code size} citizens (the
     * last may hold fewer): the first range starts at the lowest possible id and the last ends at the
     * highest, so that every citizen stored now or later falls in exactly one range.
     */
    @Transactional(readOnly = true)
    public List<CitizenRange> ranges(int size) {
        if (size < 1) throw new IllegalArgumentException("a range holds at least one citizen, not " + size);
        CitizenTable.Split split = citizens.split(size);
        if (split.citizens() == 0) return List.of();
        List<CitizenRange> ranges = new ArrayList<>(split.starts().size() + 1);
        CitizenId from = null;
        long left = split.citizens();
        for (CitizenId start : split.starts()) {
            ranges.add(new CitizenRange(from, start, size));
            from = start;
            left -= size;
        }
        ranges.add(new CitizenRange(from, null, (int) Math.max(0, left)));
        return ranges;
    }

    /** The ids of the citizens stored in the range now, whatever the state of their space, in id order. */
    @Transactional(readOnly = true)
    public List<CitizenId> citizensIn(CitizenRange range) {
        return citizens.idsBetween(range.from(), range.to());
    }

    private static <F extends Fact> List<F> only(List<Fact> facts, Class<F> type) {
        List<F> only = new ArrayList<>();
        for (Fact f : facts) if (type.isInstance(f)) only.add(type.cast(f));
        return only;
    }

    private static Map<Fact, Integer> counted(List<Fact> facts) {
        Map<Fact, Integer> counts = new HashMap<>();
        facts.forEach(f -> counts.merge(f, 1, Integer::sum));
        return counts;
    }
}
