package com.coastline.portal.support;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * project-service and media-service at their HTTP boundary (one server: their portal paths do not overlap).
 * Every answer is for one client's JWT only ({@code Authorization: Bearer …}), as the services decide what
 * a client sees from its token; anything not stubbed answers 404, as the services do for what a client may
 * not see. {@code GET} and {@code POST} (the pages' forms) are stubbed apart.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServicesStub {

	/** Shared by the module's one Spring context. */
	public static final WireMockServer SERVER = start();

	private static WireMockServer start() {
		// More request threads than WireMock's 25 (about 19 of them serve requests): a test holds every place of the
		// portal's bulkhead (24) with stalled calls, and each must reach the stub as it would reach a service.
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().containerThreads(64));
		server.start();
		return server;
	}

	@Bean
	DynamicPropertyRegistrar servicesUrls() {
		return (registry) -> {
			registry.add("coastline.portal.pages.project-url", SERVER::baseUrl);
			registry.add("coastline.portal.pages.media-url", SERVER::baseUrl);
		};
	}

	/** The service answers {@code GET path} with this JSON for the client's token. */
	public static void json(String jwt, String path, String body) {
		answer(jwt, path, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
	}

	/** The service answers {@code GET path} for the client's token with this status (a problem). */
	public static void status(String jwt, String path, int status) {
		answer(jwt, path, aResponse().withStatus(status)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\": " + status + "}"));
	}

	/** The service answers {@code GET path} for the client's token, but only after this many milliseconds. */
	public static void slow(String jwt, String path, int millis, String body) {
		answer(jwt, path, aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(body)
			.withFixedDelay(millis));
	}

	/** The service answers {@code GET path} for the client's token with these bytes. */
	public static void bytes(String jwt, String path, String contentType, byte[] body) {
		answer(jwt, path, aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body));
	}

	public static void answer(String jwt, String path, ResponseDefinitionBuilder response) {
		SERVER.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + jwt)).willReturn(response));
	}

	/** The service answers {@code POST path} for the client's token with this status and JSON. */
	public static void postJson(String jwt, String path, int status, String body) {
		answerPost(jwt, path, aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body));
	}

	/** The service refuses {@code POST path} for the client's token with this status and a problem's detail. */
	public static void postProblem(String jwt, String path, int status, String detail) {
		answerPost(jwt, path, aResponse().withStatus(status)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\": " + status + ", \"title\": \"Refused\", \"detail\": \"" + detail + "\"}"));
	}

	public static void answerPost(String jwt, String path, ResponseDefinitionBuilder response) {
		SERVER.stubFor(post(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + jwt)).willReturn(response));
	}

	/** The calls made to {@code POST path}, oldest first. */
	public static List<LoggedRequest> postRequests(String path) {
		return SERVER.findAll(postRequestedFor(urlPathEqualTo(path)));
	}

	/** The calls made to {@code GET path}, oldest first. */
	public static List<LoggedRequest> requests(String path) {
		return SERVER.findAll(getRequestedFor(urlPathEqualTo(path)));
	}
}
