package com.coastline.portal.config;

import com.coastline.platform.web.openapi.ServiceApiDocument;
import io.swagger.v3.oas.models.OpenAPI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of portal-service's REST endpoints (springdoc), served at {@code /v3/api-docs} on the
 * application port. It is documentation only, so {@code coastline.security.public-paths} lets exactly that
 * path through without a token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI portalServiceOpenApi() {
		return ServiceApiDocument.of("portal-service", """
						Each workspace's Customer Portal. The back office (`/api/**`, staff tokens or admin service \
						tokens with a workspace) reads and changes the portal profile (address, branding, contact \
						details, logo; changes by owners only), activates and deactivates it, and asks whether a \
						project may show the Customer Portal menu item and for a fresh client link. \
						`/public/portals/**` (no token) resolves a portal address and serves its logo. Errors are \
						RFC 9457 problems.""");
	}
}
