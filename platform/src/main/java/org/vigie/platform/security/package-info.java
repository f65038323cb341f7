/**
 * Who is calling: Spring Security with the roles of {@link org.vigie.platform.security.Role}. On
 * embedded defaults a few documented development accounts (HTTP Basic); in production an OAuth2/OIDC
 * resource server (JWT). Which space a citizen may reach is the space module's concern; this module
 * only says who the caller is and which role they hold. Failures are {@code application/problem+json}.
 */
@ApplicationModule(allowedDependencies = {"citizen"})
package org.vigie.platform.security;

import org.springframework.modulith.ApplicationModule;
