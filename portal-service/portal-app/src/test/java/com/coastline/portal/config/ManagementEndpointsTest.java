package com.coastline.portal.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.portal.support.PortalServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

@PortalServiceTest
class ManagementEndpointsTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void probesAndMetricsAnswerOnTheManagementPortWithoutAToken() throws Exception {
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		HttpResponse<String> prometheus = get("/actuator/prometheus", null);
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("coastline_outbox_backlog");
	}

	@Test
	void deadLettersOfConsumedTopicsAreListedForAnAdminClient() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/deadletters", null);
		HttpResponse<String> operator = get("/actuator/deadletters", TestTokens.service("operations").roles("admin").bearer());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(operator.statusCode()).isEqualTo(200);
		assertThat(operator.body()).contains("error.identity.events.portal-service", "error.project.events.portal-service");
	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
