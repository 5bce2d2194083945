package com.coastline.automation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes, metrics and the dead-letter replay command are served on the management port, and only there; the
 * OpenAPI document on the application port, without a token.
 */
@AutomationServiceTest
class ManagementEndpointsTest {

	@LocalManagementPort
	int managementPort;

	@LocalServerPort
	int serverPort;

	@Test
	void livenessAndReadinessProbesAreUp() throws Exception {
		assertThat(get(managementPort, "/actuator/health/liveness", null).body()).contains("\"status\":\"UP\"");
		assertThat(get(managementPort, "/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"");
	}

	@Test
	void prometheusExposesTheMessagingMetrics() throws Exception {
		HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", null);

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("coastline_outbox_backlog");
	}

	@Test
	void deadLettersEndpointListsTheDeadLetterTopicsOfBothConsumersToAdminClients() throws Exception {
		String admin = TestTokens.service("operator").roles("admin").mint();

		HttpResponse<String> deadLetters = get(managementPort, "/actuator/deadletters", admin);

		assertThat(get(managementPort, "/actuator/deadletters", null).statusCode()).isEqualTo(401);
		assertThat(get(managementPort, "/actuator/deadletters", TestTokens.service("automation-service").mint())
			.statusCode()).isEqualTo(403);
		assertThat(deadLetters.statusCode()).isEqualTo(200);
		assertThat(deadLetters.body()).contains("error.project.events.automation-service",
				"error.notification.events.automation-service");
	}

	@Test
	void actuatorIsNotServedOnTheApplicationPort() throws Exception {
		assertThat(get(serverPort, "/actuator/prometheus", null).statusCode()).isEqualTo(404);
	}

	@Test
	void theOpenApiDocumentIsPublicAndListsTheBackOfficeApiButOpensNothingElse() throws Exception {
		HttpResponse<String> document = get(serverPort, "/v3/api-docs", null);

		assertThat(document.statusCode()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(document.body(), "$.paths");
		assertThat(paths).containsKeys("/api/automations", "/api/automations/{id}", "/api/automations/{id}/runs",
				"/api/automation-runs/{runId}", "/api/projects/{projectId}/automation-runs", "/api/email-templates",
				"/api/dynamic-values");
		assertThat(JsonPath.<String>read(document.body(), "$.servers[0].url")).isEqualTo("/");
		assertThat(get(serverPort, "/v3/api-docs.yaml", null).statusCode()).isEqualTo(401);
		assertThat(get(serverPort, "/v3/api-docs/swagger-config", null).statusCode()).isEqualTo(401);
	}

	private static HttpResponse<String> get(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
