package org.vigie.platform.recommendation;

import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.platform.citizen.CitizenId;

/**
 * One stored citizen's facts as evaluated, and the decision for them. The facts are null when the
 * decision is suppressed without reading them (opt-out, closure, opposition, death).
 */
public record Evaluated(CitizenId citizen, CitizenFacts facts, Decision decision) {
}
