package org.vigie.platform.recommendation;

import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.platform.citizen.CitizenId;

/** One stored citizen's facts as evaluated, and the engine's decision for them. */
public record Evaluated(CitizenId citizen, CitizenFacts facts, Decision decision) {
}
