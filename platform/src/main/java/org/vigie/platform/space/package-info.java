/**
 * The citizen-facing API of a space: who am I and which spaces may I switch to, my facts, measures
 * and agenda, my prevention choices, notification preferences and devices, my trace, closing and
 * reopening, my recommendations and the surfaces that display them (« À la une », recommended agenda
 * entries, profile alerts, display-only prevention messages). A caller with the {@code CITIZEN} role reaches their own space as its holder and the
 * spaces they represent in their own name ({@link org.vigie.platform.space.SpaceAccess}); no other
 * role reaches any space (P1).
 */
@ApplicationModule(allowedDependencies = {"citizen", "delivery", "input", "recommendation", "surface", "web"})
package org.vigie.platform.space;

import org.springframework.modulith.ApplicationModule;
