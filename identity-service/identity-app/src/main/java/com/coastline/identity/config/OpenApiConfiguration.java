package com.coastline.identity.config;

import java.util.List;
import java.util.Map;

import com.coastline.identity.token.TokenIssuerProperties;
import com.coastline.platform.web.openapi.ServiceApiDocument;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of identity-service's REST endpoints (springdoc), served at {@value #API_DOCS}.
 * It is documentation only, so {@link ResourceServerConfiguration} lets a GET of exactly that path
 * through without a token; every operation it describes still needs one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** springdoc's default path for the JSON document; the only documentation path opened. */
	static final String API_DOCS = "/v3/api-docs";

	static final String GATEWAY_TAG = "Portal gateway";

	private static final String REDEEM = "/internal/links/redeem";

	/** The portal gateway's operations (GatewayController), described here so that its code stays as it is. */
	private static final Map<String, String> GATEWAY_SUMMARIES = Map.of(REDEEM,
			"Redeem a one-tap link for a new portal session", "/internal/sessions/token",
			"Swap a portal session for a 60-second client token", "/internal/sessions/sign-out",
			"End a portal session (the same 204 for any id)");

	@Bean
	OpenAPI identityServiceOpenApi(TokenIssuerProperties issuer) {
		return ServiceApiDocument.of("identity-service", """
						The tenant registry (workspaces), the back office's staff, portal clients' one-tap links \
						and sessions, and the sign-in operations of the portal gateway. Every operation needs a \
						bearer JWT signed by identity-service: service and admin clients get one from \
						`POST /oauth2/token` (client credentials); staff and portal-client tokens come from the \
						gateways. Errors are RFC 9457 problems.""",
				issuer.issuer());
	}

	@Bean
	OpenApiCustomizer gatewayOperations() {
		return openApi -> GATEWAY_SUMMARIES.forEach((path, summary) -> {
			PathItem item = (openApi.getPaths() != null) ? openApi.getPaths().get(path) : null;
			Operation post = (item != null) ? item.getPost() : null;
			if (post != null && post.getSummary() == null) {
				post.summary(summary).tags(List.of(GATEWAY_TAG));
				// Redeeming creates a session: 201, not the 200 inferred from the ResponseEntity.
				ApiResponse created = (REDEEM.equals(path) && post.getResponses() != null)
						? post.getResponses().remove("200") : null;
				if (created != null) {
					post.getResponses().addApiResponse("201", created.description("Created"));
				}
			}
		});
	}
}
