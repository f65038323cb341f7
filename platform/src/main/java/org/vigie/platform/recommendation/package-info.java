/**
 * Recommendations of stored citizens: what the engine recommended, with its explanation (rule,
 * rule set, reasons, data used; P5), and its lifecycle — open, notified, seen, then completed,
 * expired or withdrawn. {@link org.vigie.platform.recommendation.Recommendations#reconcile} brings
 * a citizen's stored recommendations in line with a new decision; {@link
 * org.vigie.platform.recommendation.StoredEvaluation} is the one way stored citizens are evaluated,
 * by {@link org.vigie.platform.recommendation.Reevaluation} (one citizen, as soon as their facts,
 * consents, opt-out or account change) and by the sweeps (a chunk). Each reconciliation publishes one
 * {@link org.vigie.platform.recommendation.RecommendationsChanged}.
 */
@ApplicationModule(allowedDependencies = {"citizen", "database", "evaluation"})
package org.vigie.platform.recommendation;

import org.springframework.modulith.ApplicationModule;
