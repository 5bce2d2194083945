package com.coastline.automation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.coastline.identity.api.LinkRequests;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * identity-service's two endpoints this service calls, at the HTTP boundary, for the module's tests: the
 * token endpoint (client credentials) and {@code POST /api/contacts/{id}/links}, answering as identity does
 * (the real one is exercised by the launcher's system tests). Each link carries a fresh token in its URL. A
 * test can make identity fail for one contact only, so tests sharing the server do not disturb each other.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IdentityStub {

	/** Shared by the module's one Spring context. */
	public static final WireMockServer SERVER = start();

	/** The URL prefix of every link this stub mints. */
	public static final String LINK_PREFIX = "http://portal.test/l/";

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		server.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"access_token\": \"automation-token\", \"token_type\": \"Bearer\", \"expires_in\": 300,"
					+ " \"scope\": \"portal-links:write\"}")));
		server.stubFor(post(urlPathMatching("/api/contacts/[^/]+/links")).atPriority(10).willReturn(issued()));
		return server;
	}

	/** A link as identity issues it: 201, a new id and token each time (response templating). */
	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder issued() {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withHeader("Cache-Control", "no-store")
			.withBody("{\"id\": \"{{randomValue type='UUID'}}\", \"url\": \"" + LINK_PREFIX
					+ "{{randomValue length=43 type='ALPHANUMERIC'}}\", \"token\": \"hidden\", \"expiresAt\": \"2026-12-28T10:00:00Z\"}")
			.withTransformers("response-template");
	}

	@Bean
	DynamicPropertyRegistrar identityUrl() {
		return registry -> registry.add("coastline.automation.identity.url", SERVER::baseUrl);
	}

	/** identity answers this status to link requests for the contact, until {@link #heal}. */
	public static void failFor(UUID contactId, int status) {
		SERVER.stubFor(post(urlPathEqualTo("/api/contacts/" + contactId + "/links")).atPriority(1)
			.withId(stubId(contactId))
			.willReturn(aResponse().withStatus(status)
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"status\": " + status + "}")));
	}

	/**
	 * identity refuses link requests for the contact as it refuses a late attempt (a newer fence already minted the
	 * link under the key), until {@link #heal}.
	 */
	public static void supersededFor(UUID contactId) {
		SERVER.stubFor(post(urlPathEqualTo("/api/contacts/" + contactId + "/links")).atPriority(1)
			.withId(stubId(contactId))
			.willReturn(aResponse().withStatus(409)
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"status\": 409, \"title\": \"Conflict\", \"reason\": \"" + LinkRequests.SUPERSEDED + "\"}")));
	}

	/** identity takes this long to answer link requests for the contact (and then issues the link), until {@link #heal}. */
	public static void slowFor(UUID contactId, Duration delay) {
		SERVER.stubFor(post(urlPathEqualTo("/api/contacts/" + contactId + "/links")).atPriority(1)
			.withId(stubId(contactId))
			.willReturn(issued().withFixedDelay((int) delay.toMillis())));
	}

	/** identity issues links for the contact again. */
	public static void heal(UUID contactId) {
		SERVER.removeStub(SERVER.getSingleStubMapping(stubId(contactId)));
	}

	/** The link requests made for a contact, oldest first. */
	public static List<LoggedRequest> linkRequests(UUID contactId) {
		return SERVER.findAll(postRequestedFor(urlPathEqualTo("/api/contacts/" + contactId + "/links"))
			.withHeader("Idempotency-Key", matching(".+")));
	}

	/** The fences of the link requests made for a contact, oldest first. */
	public static List<Long> fences(UUID contactId) {
		return linkRequests(contactId).stream().map(request -> Long.valueOf(request.getHeader(LinkRequests.IDEMPOTENCY_FENCE))).toList();
	}

	private static UUID stubId(UUID contactId) {
		return UUID.nameUUIDFromBytes(("fail-" + contactId).getBytes());
	}

	static {
		WireMock.configureFor(SERVER.port());
	}
}
