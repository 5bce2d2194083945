package com.coastline.notification.config;

import com.coastline.platform.web.openapi.ServiceApiDocument;
import io.swagger.v3.oas.models.OpenAPI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of notification-service's REST endpoints (springdoc), served at {@code /v3/api-docs} on the
 * application port (the back office shows it at {@code /api-docs}). It is documentation only, so
 * {@code coastline.security.public-paths} lets exactly that path through without a token; every operation it
 * describes still needs one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI notificationServiceOpenApi() {
		return ServiceApiDocument.of("notification-service", """
						The workspace's email deliveries and undeliverable addresses. The back office (`/api/**`, staff \
						tokens or admin service tokens with a workspace) reads the deliveries (by id, idempotency key, \
						contact or project) and lists and clears undeliverable addresses (masked). Ids of another \
						workspace answer 404. Errors are RFC 9457 problems.""");
	}
}
