package com.coastline.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.coastline.platform.test.TestInfrastructure;
import com.coastline.platform.web.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses before any application code runs still get a problem, never Tomcat's HTML; and Tomcat holds
 * a bounded number of connections, so an overloaded service does not fill its heap with them.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class TomcatRefusalsTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	@Test
	void tomcatHoldsAtMostAThousandConnectionsAtOnce() {
		// platform-web's server default, not Tomcat's 8,192 (about 160 MB of buffers in a 256 MB heap)
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();

		assertThat(server.getTomcat().getConnector().getProperty("maxConnections")).isEqualTo(1000);
	}

	@Test
	void aHeaderOverTheSizeLimitIsABadRequestProblem() throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/me"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + "a".repeat(100_000))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"type\":\"tag:coastline.app,2026:problem:bad-request\"")
			.contains("\"status\":400")
			.doesNotContain("Tomcat")
			.doesNotContain("aaaa");
	}
}
