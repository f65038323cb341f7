package org.vigie.platform.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * How the OpenAPI page authenticates its calls: the identity provider's JWT, or a development
 * account's user name and password on embedded defaults ("Authorize" on the page).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Vigie API", description = "Personalised prevention in the citizen health space. "
                + "On embedded defaults, authorise with a development account (password = user name): camille, karim, "
                + "committee, analyst, operator, ingestion."),
        security = {@SecurityRequirement(name = "jwt"), @SecurityRequirement(name = "devAccount")})
@SecurityScheme(name = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A token of the identity provider: subject = the caller's external id, roles claim")
@SecurityScheme(name = "devAccount", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Development accounts of embedded defaults only")
class ApiDescription {
}
