/** Synthetic citizens for demonstrations, benchmarks and simulations: realistic, deterministic, never real people. */
package org.vigie.platform.population;
