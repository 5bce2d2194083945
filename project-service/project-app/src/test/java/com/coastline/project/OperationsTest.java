package com.coastline.project;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and the platform rely on: probes, metrics, and the topic this service owns. */
@ProjectServiceTest
class OperationsTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void livenessAndReadinessProbesAnswerWithoutATokenOnTheManagementPort() throws Exception {
		HttpResponse<String> liveness = get(this.managementPort, "/actuator/health/liveness", null);
		HttpResponse<String> readiness = get(this.managementPort, "/actuator/health/readiness", null);

		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"UP\"");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
	}

	@Test
	void prometheusMetricsAreOnTheManagementPortOnly() throws Exception {
		HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus", null);

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("coastline_outbox_backlog");
		assertThat(get(this.port, "/actuator/prometheus", TestTokens.service("prometheus").mint()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void projectEventsIsDeclaredWithPartitionsForSeveralConsumerReplicas() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			TopicDescription topic = admin.describeTopics(List.of(ProjectTopics.EVENTS))
				.allTopicNames()
				.get()
				.get(ProjectTopics.EVENTS);

			assertThat(topic.partitions()).hasSizeGreaterThanOrEqualTo(6);
		}
	}

	private static HttpResponse<String> get(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
