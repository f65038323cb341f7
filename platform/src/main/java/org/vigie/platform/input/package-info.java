/**
 * What the store can hold ({@link org.vigie.platform.input.StorableInput}): no NUL, dates within the
 * contract's years, bounded texts and identifiers. Checked at the edge (every request body) and again
 * before every write, whichever way the data comes (HTTP, command line, import); it depends on no
 * other module, so that all of them can use it.
 */
@ApplicationModule(allowedDependencies = {})
package org.vigie.platform.input;

import org.springframework.modulith.ApplicationModule;
