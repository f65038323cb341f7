/**
 * The surfaces of the space where personalised prevention is displayed (docs/space-sources.md#surfaces): the
 * « À la une » feed and its articles, the recommended entries of the agenda, the alerts on the
 * medical profile's sections and the display-only messages of the secure messaging. Nothing is
 * stored: each is derived, at read time, from the space's stored recommendations and the campaign's
 * declared {@code surfaces}, so it can never outlive a withdrawal; an opted-out citizen, or a space
 * not in use, sees nothing on any of them (P2, P8).
 */
@ApplicationModule(allowedDependencies = {"citizen", "evaluation", "recommendation"})
package org.vigie.platform.surface;

import org.springframework.modulith.ApplicationModule;
