package org.vigie.engine.campaign;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.Vaccine;

/**
 * What completes a campaign's recommendation ({@code completedBy} in its file): the acts and
 * vaccinations which, found dated within its period, mean it was done, so that it is closed as
 * COMPLETED rather than withdrawn. Any other fact of the period (a colorectal test for the breast
 * screening) says nothing about it.
 */
public record Completion(Set<ActKind> acts, Set<Vaccine> vaccines) {

    public static final Completion NOTHING = new Completion(Set.of(), Set.of());

    public Completion {
        acts = Collections.unmodifiableSet(acts == null || acts.isEmpty() ? EnumSet.noneOf(ActKind.class) : EnumSet.copyOf(acts));
        vaccines = Collections.unmodifiableSet(vaccines == null || vaccines.isEmpty()
                ? EnumSet.noneOf(Vaccine.class) : EnumSet.copyOf(vaccines));
    }

    public boolean isEmpty() {
        return acts.isEmpty() && vaccines.isEmpty();
    }
}
