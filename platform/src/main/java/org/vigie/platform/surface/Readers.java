package org.vigie.platform.surface;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.Representation;
import org.vigie.platform.citizen.Representatives;
import org.vigie.templates.Reader;

/**
 * Who reads a space, for the wording: its holder, or a representative, by the kind of their
 * representation open today (a minor's legal representative reads « votre enfant »).
 */
@Component
public class Readers {

    private final Representatives representatives;
    private final Clock clock;

    Readers(Representatives representatives, Clock clock) {
        this.representatives = representatives;
        this.clock = clock;
    }

    /** The reader {@code actor} is on the citizen's space; anyone but a representative reads as the holder. */
    public Reader of(Actor actor, CitizenId citizen) {
        if (actor.kind() != Actor.Kind.REPRESENTATIVE) return Reader.HOLDER;
        LocalDate today = LocalDate.now(clock);
        return representatives.of(citizen).stream()
                .filter(r -> r.representativeId().equals(actor.id()) && r.activeOn(today))
                .map(Representation::kind).findFirst()
                .map(kind -> kind == Representation.Kind.LEGAL_REPRESENTATIVE ? Reader.LEGAL_REPRESENTATIVE
                        : Reader.PROTECTED_ADULT_REPRESENTATIVE)
                // access is checked before any read: a representative without one today reads about someone else's space
                .orElse(Reader.PROTECTED_ADULT_REPRESENTATIVE);
    }
}
