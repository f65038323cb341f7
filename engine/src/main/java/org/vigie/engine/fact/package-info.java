/** The immutable fact model of a citizen snapshot, shared by the JSON contract, the guards and the rules. */
package org.vigie.engine.fact;
