package com.coastline.platform.web.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The frame of every service's OpenAPI document (springdoc, at {@link #PATH}): its title and description, one
 * server and the bearer scheme of identity-service's tokens, required by every operation. A service declares
 * the result as its {@code OpenAPI} bean; springdoc adds the operations. The server is relative ({@code /}) unless
 * a service names one from its configuration: never built from the request's Host header (SECURITY.md), and
 * relative so that the back office's Swagger UI, which reads the documents through the gateway, sends its calls
 * through the gateway too.
 */
public final class ServiceApiDocument {

	/** springdoc's default path of the JSON document: the only documentation path a service opens. */
	public static final String PATH = "/v3/api-docs";

	/** The name of the security scheme every operation requires. */
	public static final String BEARER = "bearer-jwt";

	private ServiceApiDocument() {
	}

	/**
	 * @param service the service's name, such as {@code project-service}
	 * @param description what the API offers and to whom, in CommonMark
	 */
	public static OpenAPI of(String service, String description) {
		return of(service, description, "/");
	}

	/** The same with another server address, e.g. identity's configured issuer. */
	public static OpenAPI of(String service, String description, String server) {
		return new OpenAPI().info(new Info().title("Coastline " + service).version("1").description(description))
			.servers(List.of(new Server().url(server)))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("ES256 token of identity-service (iss, aud `coastline`, wid, roles or scope).")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}
}
