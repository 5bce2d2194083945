package com.coastline.portal.support;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * identity-service's {@code POST /api/contacts/{id}/links} at the HTTP boundary, answering as identity does
 * (201, a new token in each URL). A test can make identity fail for one contact only, so tests sharing the
 * server do not disturb each other.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IdentityStub {

	/** Shared by the module's one Spring context. */
	public static final WireMockServer SERVER = start();

	public static final String LINK_PREFIX = "https://portal.test/l/";

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		server.stubFor(post(urlPathMatching("/api/contacts/[^/]+/links")).atPriority(10)
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withHeader("Cache-Control", "no-store")
				.withBody("{\"id\": \"{{randomValue type='UUID'}}\", \"url\": \"" + LINK_PREFIX
						+ "{{randomValue length=43 type='ALPHANUMERIC'}}\", \"token\": \"hidden\","
						+ " \"expiresAt\": \"2026-12-28T10:00:00Z\"}")
				.withTransformers("response-template")));
		return server;
	}

	@Bean
	DynamicPropertyRegistrar identityUrl() {
		return (registry) -> registry.add("coastline.portal.identity-url", SERVER::baseUrl);
	}

	/** identity answers this status to link requests for the contact. */
	public static void answer(UUID contactId, int status) {
		stub(contactId, aResponse().withStatus(status)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\": " + status + "}"));
	}

	/** identity drops the connection for the contact. */
	public static void dropConnectionsFor(UUID contactId) {
		stub(contactId, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
	}

	/** The link requests made for a contact, oldest first. */
	public static List<LoggedRequest> linkRequests(UUID contactId) {
		return SERVER.findAll(postRequestedFor(urlPathEqualTo("/api/contacts/" + contactId + "/links")));
	}

	private static void stub(UUID contactId, ResponseDefinitionBuilder response) {
		SERVER.stubFor(post(urlPathEqualTo("/api/contacts/" + contactId + "/links")).atPriority(1).willReturn(response));
	}
}
