/**
 * The insurer's back office ({@code OPERATOR}): finding a space by the person's external id, moving
 * its account through the lifecycle (opening after the opposition delay, an opposition or closure
 * received by the support, a death), and recording representatives. Every action is traced in the
 * operator's name.
 */
@ApplicationModule(allowedDependencies = {"citizen", "web"})
package org.vigie.platform.backoffice;

import org.springframework.modulith.ApplicationModule;
