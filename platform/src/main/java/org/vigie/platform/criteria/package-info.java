/**
 * The criteria catalogue (principle P5): what every campaign checks and which data it uses,
 * generated from the rule set in force, as JSON ({@code GET /api/v1/criteria}) or Markdown (the
 * same with {@code Accept: text/markdown}, and the {@code criteria} command).
 */
@ApplicationModule(allowedDependencies = {"cli", "evaluation"})
package org.vigie.platform.criteria;

import org.springframework.modulith.ApplicationModule;
