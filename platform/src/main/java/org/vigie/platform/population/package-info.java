/** Synthetic citizens for demonstrations, benchmarks and simulations: realistic, deterministic, never real people. */
@ApplicationModule(allowedDependencies = {"citizen", "cli"})
package org.vigie.platform.population;

import org.springframework.modulith.ApplicationModule;
