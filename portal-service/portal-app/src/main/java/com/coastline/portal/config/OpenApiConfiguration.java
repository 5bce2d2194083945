package com.coastline.portal.config;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of portal-service's REST endpoints (springdoc), served at {@code /v3/api-docs} on the
 * application port. It is documentation only, so {@code coastline.security.public-paths} lets exactly that
 * path through without a token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer-jwt";

	@Bean
	OpenAPI portalServiceOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Coastline portal-service")
				.version("1")
				.description("""
						Each workspace's Customer Portal. The back office (`/api/**`, staff tokens or admin service \
						tokens with a workspace) reads and changes the portal profile (address, branding, contact \
						details, logo; changes by owners only), activates and deactivates it, and asks whether a \
						project may show the Customer Portal menu item and for a fresh client link. \
						`/public/portals/**` (no token) resolves a portal address and serves its logo. Errors are \
						RFC 9457 problems."""))
			// Relative to wherever the document is read: never built from the request's Host header.
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("ES256 token of identity-service (iss, aud `coastline`, wid, roles or scope).")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}
}
