/** The {@code bench} command: throughput figures of the engine on a synthetic population. */
package org.vigie.platform.bench;
