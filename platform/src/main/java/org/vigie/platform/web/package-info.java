/**
 * What every endpoint of the API shares: strict reading of request bodies (the contract's rules:
 * unknown fields refused, the field at fault named), the translation of refusals into
 * {@code application/problem+json}, and the limits on request sizes.
 */
@ApplicationModule(allowedDependencies = {"input"})
package org.vigie.platform.web;

import org.springframework.modulith.ApplicationModule;
