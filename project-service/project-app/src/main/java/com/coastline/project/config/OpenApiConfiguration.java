package com.coastline.project.config;

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
 * The OpenAPI document of project-service's REST endpoints (springdoc), served at {@code /v3/api-docs} on the
 * application port (the back office shows it at {@code /api-docs}). It is documentation only, so
 * {@code coastline.security.public-paths} lets exactly that path through without a token; every operation it
 * describes still needs one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer-jwt";

	@Bean
	OpenAPI projectServiceOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Coastline project-service")
				.version("1")
				.description("""
						Contacts, projects, estimates, invoices, appointments and payment settings. The back office \
						(`/api/**`, staff tokens or admin service tokens with a workspace) manages them; the customer \
						portal (`/portal/**`, client tokens) sees its own projects, estimates and invoices and answers \
						estimates; `/webhooks/stripe` takes Stripe's signed payment events. Ids of another workspace \
						answer 404. Errors are RFC 9457 problems."""))
			// Relative to wherever the document is read (also through the back-office gateway, whose routes
			// then carry the calls): never built from the request's Host header.
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("ES256 token of identity-service (iss, aud `coastline`, wid, roles or scope).")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}
}
