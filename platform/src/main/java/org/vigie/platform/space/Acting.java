package org.vigie.platform.space;

import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;

/** The caller, as the actor the trace names, acting on one space. */
record Acting(Actor actor, CitizenId space) {

    boolean isHolder() {
        return actor.kind() == Actor.Kind.HOLDER;
    }
}
