package com.coastline.automation.config;

import com.coastline.platform.web.openapi.ServiceApiDocument;
import io.swagger.v3.oas.models.OpenAPI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of automation-service's REST endpoints (springdoc), served at {@code /v3/api-docs} on the
 * application port (the back office shows it at {@code /api-docs}). It is documentation only, so
 * {@code coastline.security.public-paths} lets exactly that path through without a token; every operation it
 * describes still needs one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI automationServiceOpenApi() {
		return ServiceApiDocument.of("automation-service", """
						Automations (a project event, a delay, an email), their email templates, dynamic values and runs. \
						The back office (`/api/**`, staff tokens or admin service tokens with a workspace) writes, \
						previews, tests and follows them, and retries a failed run. Ids of another workspace answer 404. \
						Errors are RFC 9457 problems.""");
	}
}
