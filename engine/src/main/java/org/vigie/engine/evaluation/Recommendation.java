package org.vigie.engine.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.vigie.engine.fact.DataCategory;

/**
 * What the engine recommends to one citizen, with its explanation: the rule that produced it, the
 * due window, the reasons in plain French and the data categories the rule read; and, when an
 * appointment for it is already booked in the agenda within the due window ({@code bookedBy} in the
 * campaign's file, among the facts the campaign may see), the date of that appointment: the
 * recommendation is then planned, and nobody is reminded of it until that date has passed.
 */
public record Recommendation(
        String key,
        String campaign,
        String rule,
        LocalDate dueFrom,
        LocalDate dueBy,
        List<String> reasons,
        List<DataCategory> dataUsed,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate plannedOn) {

    public Recommendation {
        reasons = List.copyOf(reasons);
        dataUsed = List.copyOf(dataUsed);
    }

    /** A recommendation nothing is booked for. */
    public Recommendation(String key, String campaign, String rule, LocalDate dueFrom, LocalDate dueBy, List<String> reasons,
                          List<DataCategory> dataUsed) {
        this(key, campaign, rule, dueFrom, dueBy, reasons, dataUsed, null);
    }

    public boolean planned() {
        return plannedOn != null;
    }
}
