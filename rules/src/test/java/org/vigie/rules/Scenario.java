package org.vigie.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.vigie.engine.evaluation.Suppression;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Snapshot;

/**
 * One case of a scenario file: a snapshot in the evaluation contract's format and what the shipped
 * rule set must answer for it.
 *
 * @param name      what the case shows, unique in its file
 * @param snapshot  the citizen and reference date, read through the contract's strict JSON reader
 * @param must      keys that must come out, exactly once each
 * @param mustNot   keys that must not come out
 * @param expect    for some of the {@code must} keys, the expected rule, due window, data used and booked appointment
 * @param suppressed the expected guard, or {@code null} when the citizen is evaluated
 * @param pending   why the case is known to fail today (an engine issue), or {@code null}
 */
record Scenario(String name, Snapshot snapshot, List<String> must, List<String> mustNot,
                Map<String, Expectation> expect, Suppression suppressed, String pending) {

    /** What one recommendation must say; a {@code null} component is not checked unless flagged. */
    record Expectation(String rule, LocalDate dueFrom, boolean checkDueBy, LocalDate dueBy,
                       List<DataCategory> dataUsed, boolean checkPlannedOn, LocalDate plannedOn) {
    }
}
