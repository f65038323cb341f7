/** The {@code bench} and {@code bench-sweep} commands: throughput figures of the engine, and of sweeps on the database, on a synthetic population. */
package org.vigie.platform.bench;
