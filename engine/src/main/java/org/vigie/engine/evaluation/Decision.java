package org.vigie.engine.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The engine's answer for one snapshot, in the contract's shape; and, outside the contract, the
 * dates of the acts and vaccinations that complete each campaign evaluated ({@code completedBy} in
 * its file), among the facts its rules may see on the reference date: a minor's hidden facts, a
 * category the campaign does not declare and insurer data without consent do not count, as they do
 * not for its rules. Whoever stores the recommendations closes one as done from these dates alone,
 * without going back to the facts or the rule set.
 */
public record Decision(
        String citizenId,
        LocalDate on,
        String ruleSet,
        Suppression suppressed,
        List<Recommendation> recommendations,
        @JsonIgnore Map<String, List<LocalDate>> completions) {

    public Decision {
        recommendations = List.copyOf(recommendations);
        completions = completions == null ? Map.of()
                : completions.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** A decision with no completing act or vaccination (a suppressed citizen's: their facts are never read). */
    public Decision(String citizenId, LocalDate on, String ruleSet, Suppression suppressed, List<Recommendation> recommendations) {
        this(citizenId, on, ruleSet, suppressed, recommendations, Map.of());
    }

    /**
     * Whether an act or a vaccination completing the campaign is dated from {@code from} to
     * {@code to}, both included. False for a campaign that was not evaluated or that nothing completes.
     */
    public boolean completedBetween(String campaign, LocalDate from, LocalDate to) {
        for (LocalDate date : completions.getOrDefault(campaign, List.of())) {
            if (!date.isBefore(from) && !date.isAfter(to)) return true;
        }
        return false;
    }

    /** The same decision with the recommendations of some campaigns only (a campaign's sweep). */
    public Decision only(Predicate<String> campaigns) {
        return new Decision(citizenId, on, ruleSet, suppressed, recommendations.stream().filter(r -> campaigns.test(r.campaign())).toList(),
                completions.entrySet().stream().filter(e -> campaigns.test(e.getKey()))
                        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
