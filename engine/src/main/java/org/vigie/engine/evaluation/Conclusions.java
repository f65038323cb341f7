package org.vigie.engine.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a campaign's rules conclude in one evaluation, the output collection they write to as the
 * global {@code out}: {@code out.due(dueFrom, dueBy, "Première raison.", "Deuxième raison.")}. The
 * engine knows which campaign is running and which rule fired, so a rule only states the due window
 * and its reasons.
 */
public final class Conclusions {

    /** One firing, before the engine adds key, campaign and data used. */
    record Due(String rule, LocalDate dueFrom, LocalDate dueBy, List<String> reasons) {
    }

    private final List<Due> dues = new ArrayList<>(2);
    private String firingRule;

    void firing(String rule) {
        this.firingRule = rule;
    }

    /**
     * Records that the recommendation of the running campaign is due from {@code dueFrom} (never
     * {@code null}) until {@code dueBy} ({@code null}: no end), for the given reasons.
     */
    public void due(LocalDate dueFrom, LocalDate dueBy, String... reasons) {
        if (dueFrom == null) {
            throw new IllegalArgumentException("rule " + firingRule + ": dueFrom is required");
        }
        if (reasons.length == 0) {
            throw new IllegalArgumentException("rule " + firingRule + ": a recommendation needs at least one reason");
        }
        dues.add(new Due(firingRule, dueFrom, dueBy, Arrays.asList(reasons)));
    }

    List<Due> dues() {
        return dues;
    }
}
