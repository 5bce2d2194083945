package com.coastline.media.config;

import com.coastline.platform.web.openapi.ServiceApiDocument;
import io.swagger.v3.oas.models.OpenAPI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of media-service's REST endpoints (springdoc), served at {@value #API_DOCS} on the
 * application port. It is documentation only, so {@code coastline.security.public-paths} lets exactly that
 * path through without a token; every operation it describes still needs one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** springdoc's default path for the JSON document; the only documentation path opened. */
	static final String API_DOCS = "/v3/api-docs";

	@Bean
	OpenAPI mediaServiceOpenApi() {
		return ServiceApiDocument.of("media-service", """
						Project photos and documents. The back office (`/api/**`, staff tokens or admin service \
						tokens with a workspace) uploads, lists, deletes and shares them; the customer portal \
						(`/portal/**`, client tokens) sees only what was shared, as copies without location, \
						camera or author metadata. Every operation needs a bearer JWT signed by identity-service; \
						ids of another workspace answer 404. Errors are RFC 9457 problems.""");
	}
}
