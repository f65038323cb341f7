package org.vigie.platform.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.Recommendation;
import org.vigie.platform.citizen.CitizenId;

/**
 * How a citizen's stored recommendations follow a new decision, decided without the database:
 * <ul>
 *   <li>a recommendation due for a period not stored yet is opened; one withdrawn earlier for the
 *       same period is opened again (it is the same recommendation, never a second one); one
 *       completed or expired for that period stays closed;</li>
 *   <li>an active recommendation the decision no longer makes is closed: WITHDRAWN when the citizen
 *       is suppressed (opt-out, closure, opposition, death); EXPIRED once its due-by date has passed;
 *       COMPLETED when the same key is now due for a later period (the next dose of a series, the next
 *       round of a screening), or an act or vaccination that completes its campaign (the campaign
 *       file's {@code completedBy}) is dated in its period — from its due date, or from the day it
 *       was opened when that came first: the next dose of a series is recommended as soon as the
 *       previous one is recorded, with a due date to come, and a dose given somewhat early still
 *       completes it;
 *       WITHDRAWN otherwise (an exclusion, a consent withdrawn);</li>
 *   <li>an active recommendation still due keeps its status and takes the decision's explanation;
 *       one that was planned (an appointment booked for it) and no longer is, the appointment passed
 *       or cancelled without the act, is due again: it is notified again.</li>
 * </ul>
 */
final class Reconciliation {

    record Period(String key, LocalDate dueFrom) {
    }

    /**
     * What reconciliation needs of a stored recommendation: its period, the day it was opened, its
     * status, the digest of its explanation and the appointment it is planned on, if any.
     */
    record Held(UUID id, CitizenId citizen, String key, String campaign, LocalDate dueFrom, LocalDate dueBy, LocalDate opened,
                RecommendationStatus status, long explanation, LocalDate plannedOn) {

        /** From when a completing fact counts for it: its due date, or the day it was opened if earlier. */
        LocalDate countsFrom() {
            return opened != null && opened.isBefore(dueFrom) ? opened : dueFrom;
        }
    }

    /** The writes one decision calls for. */
    record Plan(List<Recommendation> toOpen, List<Reopened> toReopen, List<Closing> toClose, List<Explained> toExplain,
                List<Explained> dueAgain) {

        boolean isEmpty() {
            return toOpen.isEmpty() && toReopen.isEmpty() && toClose.isEmpty() && toExplain.isEmpty();
        }
    }

    record Reopened(Held stored, Recommendation now) {
    }

    record Closing(Held stored, RecommendationStatus status) {
    }

    record Explained(Held stored, Recommendation now) {
    }

    private Reconciliation() {
    }

    /** Whether the citizen's facts show the campaign's recommendation done, dated from {@code from} to {@code on}. */
    @FunctionalInterface
    interface Done {
        boolean between(String campaign, LocalDate from, LocalDate on);
    }

    /** The plan for a decision, from the completion dates it carries: nothing goes back to the facts or the rule set. */
    static Plan plan(List<Held> stored, Decision decision) {
        return plan(stored, decision, decision::completedBetween);
    }

    static Plan plan(List<Held> stored, Decision decision, Done done) {
        Map<Period, Held> byPeriod = new HashMap<>();
        stored.forEach(s -> byPeriod.put(new Period(s.key(), s.dueFrom()), s));
        Map<Period, Recommendation> due = new HashMap<>();
        decision.recommendations().forEach(r -> due.put(new Period(r.key(), r.dueFrom()), r));

        List<Recommendation> toOpen = new ArrayList<>();
        List<Reopened> toReopen = new ArrayList<>();
        List<Explained> toExplain = new ArrayList<>();
        List<Explained> dueAgain = new ArrayList<>();
        for (Recommendation r : decision.recommendations()) {
            Held s = byPeriod.get(new Period(r.key(), r.dueFrom()));
            if (s == null) {
                toOpen.add(r);
            } else if (s.status() == RecommendationStatus.WITHDRAWN) {
                toReopen.add(new Reopened(s, r));
            } else if (s.status().active() && !sameExplanation(s, r, decision.ruleSet())) {
                toExplain.add(new Explained(s, r));
                if (s.plannedOn() != null && !r.planned()) dueAgain.add(new Explained(s, r));
            }
        }
        List<Closing> toClose = new ArrayList<>();
        for (Held s : stored) {
            if (s.status().active() && !due.containsKey(new Period(s.key(), s.dueFrom()))) {
                toClose.add(new Closing(s, closing(s, decision, done)));
            }
        }
        return new Plan(toOpen, toReopen, toClose, toExplain, dueAgain);
    }

    private static RecommendationStatus closing(Held s, Decision decision, Done done) {
        LocalDate on = decision.on();
        if (decision.suppressed() != null) return RecommendationStatus.WITHDRAWN;
        if (s.dueBy() != null && on.isAfter(s.dueBy())) return RecommendationStatus.EXPIRED;
        boolean laterPeriodDue = decision.recommendations().stream()
                .anyMatch(r -> r.key().equals(s.key()) && r.dueFrom().isAfter(s.dueFrom()));
        if (laterPeriodDue || done.between(s.campaign(), s.countsFrom(), on)) return RecommendationStatus.COMPLETED;
        return RecommendationStatus.WITHDRAWN;
    }

    private static boolean sameExplanation(Held s, Recommendation r, String ruleSet) {
        return s.explanation() == explanation(r, ruleSet).digest();
    }

    static Explanation explanation(Recommendation r, String ruleSet) {
        return new Explanation(r.rule(), ruleSet, r.dueBy(), r.reasons(), r.dataUsed().stream().map(Object::toString).toList(),
                r.plannedOn());
    }
}
