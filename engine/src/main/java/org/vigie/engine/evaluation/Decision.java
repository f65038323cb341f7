package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.List;

/** The engine's answer for one snapshot, in the contract's shape. */
public record Decision(
        String citizenId,
        LocalDate on,
        String ruleSet,
        Suppression suppressed,
        List<Recommendation> recommendations) {

    public Decision {
        recommendations = List.copyOf(recommendations);
    }
}
