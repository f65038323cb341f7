/**
 * The three organised-screening campaigns targeted by hand-written SQL over the stored citizens: a
 * yardstick for the engine in {@code bench targeting} and its tests, never a way to target anyone.
 */
package org.vigie.platform.bench.targeting;
