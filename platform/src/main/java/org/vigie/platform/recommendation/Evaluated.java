package org.vigie.platform.recommendation;

import org.vigie.engine.evaluation.Decision;
import org.vigie.platform.citizen.CitizenId;

/**
 * One stored citizen and the engine's decision for them: all reconciliation needs, the dates that
 * complete each campaign included ({@link Decision#completedBetween}).
 */
public record Evaluated(CitizenId citizen, Decision decision) {
}
