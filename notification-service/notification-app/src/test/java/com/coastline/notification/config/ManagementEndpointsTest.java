package com.coastline.notification.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.coastline.notification.support.NotificationServiceTest;
import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes, metrics and dead letters on the management port; the OpenAPI document on the application port, without
 * a token.
 */
@NotificationServiceTest
class ManagementEndpointsTest {

	@LocalManagementPort
	int managementPort;

	@LocalServerPort
	int serverPort;

	@Test
	void probesAndMetricsAnswerOnTheManagementPortWithoutAToken() throws Exception {
		HttpResponse<String> prometheus = get("/actuator/prometheus", null);

		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("coastline_outbox_backlog").contains("resilience4j_circuitbreaker_state");
	}

	@Test
	void deadLettersOfTheCommandsTopicAreListedForAnAdminClient() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/deadletters", null);
		HttpResponse<String> operator = get("/actuator/deadletters", TestTokens.service("operations").roles("admin").bearer());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(operator.statusCode()).isEqualTo(200);
		assertThat(operator.body()).contains("error.notification.commands.notification-service");
	}

	@Test
	void theOpenApiDocumentIsPublicAndListsTheBackOfficeApiButOpensNothingElse() throws Exception {
		HttpResponse<String> document = get(serverPort, "/v3/api-docs", null);

		assertThat(document.statusCode()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(document.body(), "$.paths");
		assertThat(paths).containsKeys("/api/deliveries", "/api/deliveries/{id}", "/api/undeliverable-addresses",
				"/api/undeliverable-addresses/clear");
		assertThat(JsonPath.<String>read(document.body(), "$.servers[0].url")).isEqualTo("/");
		assertThat(get(serverPort, "/v3/api-docs.yaml", null).statusCode()).isEqualTo(401);
		assertThat(get(serverPort, "/v3/api-docs/swagger-config", null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		return get(managementPort, path, bearer);
	}

	private static HttpResponse<String> get(int port, String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
