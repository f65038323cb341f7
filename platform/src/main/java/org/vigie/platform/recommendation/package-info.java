/**
 * Recommendations of stored citizens: what the engine recommended, with its explanation (rule,
 * rule set, reasons, data used; P5), and its lifecycle — open, notified, seen, then completed,
 * expired or withdrawn. {@link org.vigie.platform.recommendation.Recommendations#reconcile} brings
 * a citizen's stored recommendations in line with a new decision; {@link
 * org.vigie.platform.recommendation.Reevaluation} re-evaluates one citizen as soon as their facts,
 * consents, opt-out or account change. Each reconciliation publishes one
 * {@link org.vigie.platform.recommendation.RecommendationsChanged}.
 */
@ApplicationModule(allowedDependencies = {"citizen", "database"})
package org.vigie.platform.recommendation;

import org.springframework.modulith.ApplicationModule;
