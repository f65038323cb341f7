/**
 * Evaluation over HTTP: the shipped rule set, built once at start-up, and
 * {@code POST /api/v1/evaluations}, which answers exactly as the command line does.
 */
@ApplicationModule(allowedDependencies = {})
package org.vigie.platform.evaluation;

import org.springframework.modulith.ApplicationModule;
