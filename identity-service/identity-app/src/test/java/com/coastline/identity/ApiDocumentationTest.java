package com.coastline.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.coastline.identity.token.TokenIssuerProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document: public, complete enough to use, and the only door it opens. */
@IdentityServiceTest
class ApiDocumentationTest {

	/** The operations that must carry a summary (method as in OpenAPI, path). */
	private static final List<String> DOCUMENTED = List.of("post /api/contacts/{contactId}/links",
			"get /api/contacts/{contactId}/links", "delete /api/contacts/{contactId}/links",
			"delete /api/contacts/{contactId}/links/{linkId}", "get /api/contacts/{contactId}/sessions",
			"delete /api/contacts/{contactId}/sessions", "post /api/workspaces", "get /api/workspaces",
			"get /api/workspaces/{id}", "post /api/staff", "get /api/staff", "get /api/staff/{id}",
			"delete /api/staff/{id}", "post /api/signups", "post /internal/links/redeem", "post /internal/sessions/token",
			"post /internal/sessions/sign-out", "post /internal/staff/signups");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TokenIssuerProperties issuer;

	@LocalServerPort
	int port;

	@Test
	void theOpenApiDocumentIsServedWithoutATokenAndDescribesEveryEndpoint() {
		// when
		MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();

		// then
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode document = read(result);
		assertThat(document.get("openapi").asString()).startsWith("3.");
		assertThat(document.at("/info/title").asString()).isEqualTo("Coastline identity-service");
		assertThat(document.at("/info/version").asString()).isNotBlank();
		assertThat(document.at("/info/description").asString()).contains("bearer JWT");
		JsonNode paths = document.get("paths");
		assertThat(paths.propertyNames()).contains("/internal/links/redeem", "/internal/sessions/token",
				"/internal/sessions/sign-out", "/api/contacts/{contactId}/links",
				"/api/contacts/{contactId}/links/{linkId}", "/api/contacts/{contactId}/sessions", "/api/workspaces",
				"/api/workspaces/{id}", "/api/staff", "/api/staff/{id}", "/api/signups", "/internal/staff/signups");
		assertThat(paths.at("/~1api~1contacts~1{contactId}~1links").propertyNames()).contains("get", "post", "delete");
		List<String> withoutSummary = new ArrayList<>();
		DOCUMENTED.forEach(operation -> {
			String[] methodAndPath = operation.split(" ");
			if (!paths.path(methodAndPath[1]).path(methodAndPath[0]).hasNonNull("summary")) {
				withoutSummary.add(operation);
			}
		});
		assertThat(withoutSummary).isEmpty();
		for (String creating : List.of("/api/workspaces", "/api/staff", "/api/signups", "/internal/staff/signups",
				"/api/contacts/{contactId}/links", "/internal/links/redeem")) {
			assertThat(paths.path(creating).path("post").path("responses").propertyNames()).as(creating)
				.contains("201")
				.doesNotContain("200");
		}
	}

	@Test
	void theDocumentDeclaresTheBearerJwtSchemeForEveryOperation() {
		JsonNode document = read(mvc.get().uri("/v3/api-docs").exchange());

		JsonNode scheme = document.at("/components/securitySchemes/bearer-jwt");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
		assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
		assertThat(document.get("security").findValues("bearer-jwt")).hasSize(1);
	}

	@Test
	void theServerUrlIsTheConfiguredIssuerNeverTheRequestsHost() throws Exception {
		MvcTestResult result = mvc.get().uri("/v3/api-docs").header(HttpHeaders.HOST, "evil.example").exchange();

		JsonNode servers = read(result).get("servers");
		assertThat(servers).hasSize(1);
		assertThat(servers.get(0).get("url").asString()).isEqualTo(issuer.issuer());
		assertThat(result.getResponse().getContentAsString()).doesNotContain("evil.example");
	}

	@Test
	void onlyAGetOfTheDocumentItselfIsOpen() {
		assertThat(mvc.post().uri("/v3/api-docs").exchange()).hasStatus(401);
		assertThat(mvc.put().uri("/v3/api-docs").exchange()).hasStatus(401);
		assertThat(mvc.get().uri("/v3/api-docs.yaml").exchange()).hasStatus(401);
		assertThat(mvc.get().uri("/v3/api-docs/").exchange()).hasStatus(401);
		assertThat(mvc.get().uri("/v3/api-docs/springdocDefault").exchange()).hasStatus(401);
		assertThat(mvc.get().uri("/v3/api-docs/swagger-config").exchange()).hasStatus(401);
	}

	@Test
	void theDocumentsPathIsNoWayAroundTheTokenCheck() throws Exception {
		// Over real HTTP, so that Tomcat and Spring Security's firewall see the raw paths.
		for (String path : List.of("/v3/api-docs/../api/workspaces?name=x", "/v3/api-docs/%2e%2e/api/workspaces?name=x",
				"/v3/api-docs/..;/api/workspaces?name=x", "/v3/api-docs;/../api/workspaces?name=x",
				"/api/workspaces;/v3/api-docs?name=x", "/v3/api-docs/%2e%2e%2fapi%2fworkspaces?name=x")) {
			HttpResponse<String> response = get(path);

			assertThat(response.statusCode()).as(path).isIn(400, 401);
			assertThat(response.body()).as(path).doesNotContain("\"timeZone\"");
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}
}
