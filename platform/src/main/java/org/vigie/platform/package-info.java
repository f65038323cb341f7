/**
 * The Vigie application: each direct sub-package is a Spring Modulith application module.
 */
package org.vigie.platform;
