package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.vigie.engine.fact.DataCategory;

/**
 * What the engine recommends to one citizen, with its explanation: the rule that produced it, the
 * due window, the reasons in plain French and the data categories the rule read.
 */
public record Recommendation(
        String key,
        String campaign,
        String rule,
        LocalDate dueFrom,
        LocalDate dueBy,
        List<String> reasons,
        List<DataCategory> dataUsed) {

    public Recommendation {
        reasons = List.copyOf(reasons);
        dataUsed = List.copyOf(dataUsed);
    }
}
