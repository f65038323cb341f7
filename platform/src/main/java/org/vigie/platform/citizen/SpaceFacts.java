package org.vigie.platform.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Source;
import org.vigie.platform.input.StorableInput;

/**
 * The facts of a space, one at a time: read them (and the measures with their BMI), add, correct
 * and remove one, as the holder, a representative or a professional may. Every read and write is
 * traced in the acting {@link Actor}'s name; every write publishes {@link FactsChanged}. Storing a
 * whole snapshot (an import) is {@link CitizenSpaces}'s.
 */
@Service
public class SpaceFacts {

    private final CitizenTable citizens;
    private final FactTables facts;
    private final Traces traces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SpaceFacts(CitizenTable citizens, FactTables facts, Traces traces, ApplicationEventPublisher events, Clock clock) {
        this.citizens = citizens;
        this.facts = facts;
        this.traces = traces;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The stored facts with who wrote them and when. A representative never sees a fact the
     * citizen asked to hide from the representatives.
     */
    @Transactional
    public List<StoredFact> facts(Actor actor, CitizenId id, String why) {
        citizens.find(id).orElseThrow(() -> new UnknownCitizen(id));
        List<StoredFact> stored = facts.all(id);
        traces.record(actor, id, "read facts", why);
        return CitizenSpaces.visibleTo(actor, stored);
    }

    /**
     * The stored measures, newest first, with the BMI derived from the latest weight and height. A
     * representative sees neither a measure the citizen hid nor a BMI computed from it.
     */
    @Transactional
    public MeasureHistory measures(Actor actor, CitizenId id, String why) {
        citizens.find(id).orElseThrow(() -> new UnknownCitizen(id));
        List<StoredFact> stored = facts.all(id, Measure.class);
        traces.record(actor, id, "read measures", why);
        return MeasureHistory.of(CitizenSpaces.visibleTo(actor, stored));
    }

    /** Adds one fact, written by the actor; returns it as stored. */
    @Transactional
    public StoredFact addFact(Actor actor, CitizenId id, Fact fact, String why) {
        StorableInput.check(fact, "");
        citizens.lock(id);
        if (fact instanceof Pregnancy && facts.all(id).stream().anyMatch(f -> f.fact() instanceof Pregnancy)) {
            // one current pregnancy per citizen: a new one replaces the stored one, it is not added beside it
            throw new IllegalStateException("a pregnancy is already recorded in this space: correct or remove it first");
        }
        Instant now = clock.instant();
        FactId added = facts.insert(id, fact, actor.name(), now);
        traces.record(actor, id, "added " + kind(fact), why);
        events.publishEvent(new FactsChanged(id, now));
        return new StoredFact(added, fact, actor.name(), now, now);
    }

    /**
     * Replaces one fact by its corrected version (same type); returns it as stored. The holder and
     * representatives may edit only what was entered in the space ({@code SELF}), and keep it {@code SELF}.
     */
    @Transactional
    public StoredFact replaceFact(Actor actor, CitizenId id, FactId fact, Fact corrected, String why) {
        StorableInput.check(corrected, "");
        citizens.lock(id);
        StoredFact stored = stored(actor, id, fact);
        if (citizenSide(actor) && !stored.editableByHolder()) {
            throw new IllegalStateException("a " + kind(stored.fact()) + " from " + stored.fact().source()
                    + " is read-only for the holder: only facts entered in the space can be changed");
        }
        if (stored.fact().getClass() != corrected.getClass()) {
            throw new IllegalArgumentException("a " + kind(stored.fact()) + " cannot be replaced by a " + kind(corrected));
        }
        if (citizenSide(actor) && corrected.source() != Source.SELF) {
            throw new IllegalArgumentException("a fact entered in the space stays SELF, not " + corrected.source());
        }
        Instant now = clock.instant();
        facts.update(id, fact, corrected, actor.name(), now);
        traces.record(actor, id, "changed " + kind(corrected), why);
        events.publishEvent(new FactsChanged(id, now));
        return new StoredFact(fact, corrected, actor.name(), stored.createdAt(), now);
    }

    /**
     * Removes one fact. The holder and representatives may remove what was entered in the space
     * and what an application put there ({@link StoredFact#removableByHolder}); facts from
     * professionals, the reimbursement history or the insurer are read-only for them.
     */
    @Transactional
    public void removeFact(Actor actor, CitizenId id, FactId fact, String why) {
        citizens.lock(id);
        StoredFact stored = stored(actor, id, fact);
        if (citizenSide(actor) && !stored.removableByHolder()) {
            throw new IllegalStateException("a " + kind(stored.fact()) + " from " + stored.fact().source()
                    + " is read-only for the holder: ask its author to remove it");
        }
        facts.delete(id, fact);
        Instant now = clock.instant();
        traces.record(actor, id, "removed " + kind(stored.fact()), why);
        events.publishEvent(new FactsChanged(id, now));
    }

    /** The fact as the actor may see it: to a representative, a fact the holder hid does not exist. */
    private StoredFact stored(Actor actor, CitizenId id, FactId fact) {
        return CitizenSpaces.visibleTo(actor, facts.all(id)).stream().filter(f -> f.id().equals(fact)).findFirst()
                .orElseThrow(() -> new UnknownFact(id, fact));
    }

    private static boolean citizenSide(Actor actor) {
        return actor.kind() == Actor.Kind.HOLDER || actor.kind() == Actor.Kind.REPRESENTATIVE;
    }

    private static String kind(Fact fact) {
        return fact.getClass().getSimpleName().toLowerCase();
    }
}
