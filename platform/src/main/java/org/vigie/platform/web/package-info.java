/**
 * What every endpoint of the API shares: strict reading of request bodies (the contract's rules:
 * unknown fields refused, the field at fault named), the translation of refusals into
 * {@code application/problem+json}, and the limits on request sizes.
 */
package org.vigie.platform.web;
