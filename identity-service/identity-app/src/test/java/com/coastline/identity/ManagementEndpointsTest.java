package com.coastline.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
class ManagementEndpointsTest {

	@LocalManagementPort
	int managementPort;

	@LocalServerPort
	int serverPort;

	@Autowired
	IdentityTokens tokens;

	@Test
	void probesAreOpenOnTheManagementPort() throws Exception {
		assertThat(call(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(call(managementPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusIsServedOnTheManagementPortOnly() throws Exception {
		HttpResponse<String> metrics = call(managementPort, "/actuator/prometheus", null);

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		assertThat(call(serverPort, "/actuator/prometheus", tokens.admin()).statusCode()).isEqualTo(404);
	}

	private static HttpResponse<String> call(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
