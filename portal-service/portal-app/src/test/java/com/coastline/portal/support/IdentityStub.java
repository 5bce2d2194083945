package com.coastline.portal.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * identity-service at the HTTP boundary, answering as identity does: {@code POST /api/contacts/{id}/links}
 * (201, a new token in each URL), the gateway's client-credentials token ({@code /oauth2/token}), and the
 * internal sign-in APIs of the pages ({@code /internal/links/redeem}, {@code /internal/codes…},
 * {@code /internal/sessions/…}), which refuse everything by default, as identity would for unknown input.
 * A test makes identity answer for its own contacts, link tokens, emails, attempts and sessions only, so
 * tests sharing the server do not disturb each other.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IdentityStub {

	/** Shared by the module's one Spring context. */
	public static final WireMockServer SERVER = start();

	public static final String LINK_PREFIX = "https://portal.test/l/";

	/** The access token identity issues to the {@code portal-gateway} client. */
	public static final String GATEWAY_TOKEN = "portal-gateway-access-token";

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
		server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(json(200, "{\"access_token\": \"" + GATEWAY_TOKEN
				+ "\", \"token_type\": \"Bearer\", \"expires_in\": 300, \"scope\": \"gateway\"}")));
		server.stubFor(post(urlPathEqualTo("/internal/links/redeem")).atPriority(10).willReturn(unauthorized()));
		server.stubFor(post(urlPathEqualTo("/internal/sessions/token")).atPriority(10).willReturn(unauthorized()));
		server.stubFor(post(urlPathEqualTo("/internal/sessions/sign-out")).atPriority(10)
			.willReturn(aResponse().withStatus(204)));
		server.stubFor(post(urlPathEqualTo("/internal/codes")).atPriority(10)
			.willReturn(json(202, "{\"attempt\": \"{{randomValue length=43 type='ALPHANUMERIC'}}\", "
					+ "\"expiresAt\": \"2026-12-28T10:00:00Z\"}").withTransformers("response-template")));
		server.stubFor(post(urlPathEqualTo("/internal/codes/verify")).atPriority(10).willReturn(codeRefusedAnswer(0)));
		server.stubFor(post(urlPathEqualTo("/internal/codes/choose")).atPriority(10).willReturn(codeRefusedAnswer(0)));
		return server;
	}

	@Bean
	DynamicPropertyRegistrar identityUrl() {
		return (registry) -> registry.add("coastline.portal.identity-url", SERVER::baseUrl);
	}

	/**
	 * identity redeems the link token for a new session of the contact (and swaps that session for client
	 * tokens); returns the session id.
	 */
	public static String linkSignsIn(String token, UUID workspaceId, UUID contactId) {
		String sessionId = "session-" + UUID.randomUUID();
		SERVER.stubFor(post(urlPathEqualTo("/internal/links/redeem")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.token", equalTo(token)))
			.willReturn(session(sessionId, workspaceId, contactId)));
		sessionLive(sessionId, workspaceId, contactId);
		return sessionId;
	}

	/** identity knows the session no longer (signed out, revoked, expired): it refuses to swap it. */
	public static void sessionEnded(String sessionId) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/sessions/token")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.sessionId", equalTo(sessionId)))
			.willReturn(unauthorized()));
	}

	/** identity drops the connection when the link token is redeemed. */
	public static void redeemFails(String token) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/links/redeem")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.token", equalTo(token)))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

	/** The session is live: identity swaps it for a client token of the contact; returns that token. */
	public static String sessionLive(String sessionId, UUID workspaceId, UUID contactId) {
		return sessionLive(sessionId, workspaceId, contactId, Duration.ofSeconds(60));
	}

	/** The session is live, and identity's client tokens for it expire after {@code life}; returns that token. */
	public static String sessionLive(String sessionId, UUID workspaceId, UUID contactId, Duration life) {
		String jwt = new PlainJWT(new JWTClaimsSet.Builder().subject(contactId.toString())
			.claim("wid", workspaceId.toString())
			.claim("kind", "client")
			.expirationTime(Date.from(Instant.now().plus(life)))
			.build()).serialize();
		SERVER.stubFor(post(urlPathEqualTo("/internal/sessions/token")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.sessionId", equalTo(sessionId)))
			.willReturn(json(200, "{\"accessToken\": \"" + jwt + "\", \"tokenType\": \"Bearer\", \"expiresIn\": 60}")));
		return jwt;
	}

	/** A code request for the email starts this attempt. */
	public static void codeRequested(String email, String attempt) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/codes")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.email", equalTo(email)))
			.willReturn(json(202, "{\"attempt\": \"" + attempt + "\", \"expiresAt\": \"2026-12-28T10:00:00Z\"}")));
	}

	/** Code requests for the email are over the per-IP limit. */
	public static void codeRequestsThrottled(String email, int retryAfterSeconds) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/codes")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.email", equalTo(email)))
			.willReturn(json(429, "{\"status\": 429}").withHeader("Content-Type", "application/problem+json")
				.withHeader("Retry-After", Integer.toString(retryAfterSeconds))));
	}

	/** The code is right for the attempt and one contact has the email; returns the session id. */
	public static String codeSignsIn(String attempt, String code, UUID workspaceId, UUID contactId) {
		String sessionId = "session-" + UUID.randomUUID();
		SERVER.stubFor(post(urlPathEqualTo("/internal/codes/verify")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.withRequestBody(matchingJsonPath("$.code", equalTo(code)))
			.willReturn(session(sessionId, workspaceId, contactId)));
		sessionLive(sessionId, workspaceId, contactId);
		return sessionId;
	}

	/** The code is wrong for the attempt, with this many tries left. */
	public static void codeRefused(String attempt, String code, int attemptsLeft) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/codes/verify")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.withRequestBody(matchingJsonPath("$.code", equalTo(code)))
			.willReturn(codeRefusedAnswer(attemptsLeft)));
	}

	/** The code is right and several contacts have the email: identity lists them ({@code contactsJson}). */
	public static void codeOffersChoice(String attempt, String code, String contactsJson) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/codes/verify")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.withRequestBody(matchingJsonPath("$.code", equalTo(code)))
			.willReturn(json(200, "{\"contacts\": " + contactsJson + "}")));
	}

	/** Choosing the contact in the attempt signs in; returns the session id. */
	public static String choiceSignsIn(String attempt, UUID workspaceId, UUID contactId) {
		String sessionId = "session-" + UUID.randomUUID();
		SERVER.stubFor(post(urlPathEqualTo("/internal/codes/choose")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.withRequestBody(matchingJsonPath("$.contactId", equalTo(contactId.toString())))
			.willReturn(session(sessionId, workspaceId, contactId)));
		sessionLive(sessionId, workspaceId, contactId);
		return sessionId;
	}

	/** The calls made to an internal sign-in API, oldest first. */
	public static List<LoggedRequest> internalRequests(String path) {
		return SERVER.findAll(postRequestedFor(urlPathEqualTo(path)));
	}

	private static ResponseDefinitionBuilder session(String sessionId, UUID workspaceId, UUID contactId) {
		return json(201, "{\"sessionId\": \"" + sessionId + "\", \"contactId\": \"" + contactId + "\", \"workspaceId\": \""
				+ workspaceId + "\", \"projectId\": null, \"expiresAt\": \"" + Instant.now().plus(12, ChronoUnit.HOURS)
				+ "\"}")
			.withHeader("Cache-Control", "no-store");
	}

	private static ResponseDefinitionBuilder unauthorized() {
		return json(401, "{\"status\": 401}").withHeader("Content-Type", "application/problem+json");
	}

	private static ResponseDefinitionBuilder codeRefusedAnswer(int attemptsLeft) {
		return json(401, "{\"type\": \"https://coastline.example/problems/code-refused\", \"status\": 401, "
				+ "\"attemptsLeft\": " + attemptsLeft + "}")
			.withHeader("Content-Type", "application/problem+json");
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
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
