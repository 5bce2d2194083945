package com.coastline.project.config;

import com.coastline.platform.web.openapi.ServiceApiDocument;
import io.swagger.v3.oas.models.OpenAPI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of project-service's REST endpoints (springdoc), served at {@code /v3/api-docs} on the
 * application port (the back office shows it at {@code /api-docs}). It is documentation only, so
 * {@code coastline.security.public-paths} lets exactly that path through without a token; every operation it
 * describes still needs one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI projectServiceOpenApi() {
		return ServiceApiDocument.of("project-service", """
						Contacts, projects, estimates, invoices, appointments and payment settings. The back office \
						(`/api/**`, staff tokens or admin service tokens with a workspace) manages them; the customer \
						portal (`/portal/**`, client tokens) sees its own projects, estimates and invoices and answers \
						estimates; `/webhooks/stripe` takes Stripe's signed payment events. Ids of another workspace \
						answer 404. Errors are RFC 9457 problems.""");
	}
}
