package com.coastline.backoffice.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * identity-service at the HTTP boundary, answering as identity does: the gateway's client-credentials token
 * ({@code /oauth2/token}, client {@code backoffice-gateway}, scope {@code staff-gateway}), the internal staff
 * sign-in APIs ({@code /internal/staff/**}), which refuse everything by default as identity would for unknown
 * input (a client's portal session id included: identity keeps staff sessions apart), and
 * {@code GET /api/workspaces/{id}}. A test makes identity answer for its own sessions, emails and attempts only,
 * so tests sharing the server do not disturb each other.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IdentityStub {

	/** Shared by the module's one Spring context. */
	public static final WireMockServer SERVER = start();

	/** The access token identity issues to the {@code backoffice-gateway} client. */
	public static final String GATEWAY_TOKEN = "backoffice-gateway-access-token";

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(json(200, "{\"access_token\": \""
				+ GATEWAY_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300, \"scope\": \"staff-gateway\"}")));
		server.stubFor(post(urlPathEqualTo("/internal/staff/sessions/token")).atPriority(10).willReturn(unauthorized()));
		server.stubFor(post(urlPathEqualTo("/internal/staff/sessions/sign-out")).atPriority(10)
			.willReturn(aResponse().withStatus(204)));
		server.stubFor(post(urlPathEqualTo("/internal/staff/codes")).atPriority(10)
			.willReturn(json(202, "{\"attempt\": \"{{randomValue length=43 type='ALPHANUMERIC'}}\", "
					+ "\"expiresAt\": \"2026-12-28T10:00:00Z\"}").withTransformers("response-template")));
		server.stubFor(post(urlPathEqualTo("/internal/staff/codes/verify")).atPriority(10).willReturn(codeRefused(0)));
		server.stubFor(post(urlPathEqualTo("/internal/staff/codes/choose")).atPriority(10).willReturn(codeRefused(0)));
		return server;
	}

	@Bean
	DynamicPropertyRegistrar identityUrl() {
		return (registry) -> registry.add("coastline.backoffice.identity-url", SERVER::baseUrl);
	}

	/** A live staff session: identity swaps it for a staff JWT of the member; the workspace has a name. */
	public static StaffMember staffSession(String email, String workspaceName) {
		StaffMember member = new StaffMember("session-" + UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), email);
		SERVER.stubFor(post(urlPathEqualTo("/internal/staff/sessions/token")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.sessionId", equalTo(member.sessionId())))
			.willReturn(json(200, "{\"accessToken\": \"" + member.jwt()
					+ "\", \"tokenType\": \"Bearer\", \"expiresIn\": 60}")));
		SERVER.stubFor(get(urlPathEqualTo("/api/workspaces/" + member.workspaceId())).atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + member.jwt()))
			.willReturn(json(200, "{\"id\": \"" + member.workspaceId() + "\", \"name\": \"" + workspaceName
					+ "\", \"timeZone\": \"Europe/Berlin\", \"currency\": \"EUR\", \"version\": 0}")));
		return member;
	}

	/** identity has ended the member's session (a removal, a sign-out elsewhere): its swap now answers 401. */
	public static void sessionEnded(StaffMember member) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/staff/sessions/token")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.sessionId", equalTo(member.sessionId())))
			.willReturn(json(401, "{\"type\": \"tag:coastline.app,2026:problem:unauthorized\"}")));
	}

	/** identity answers code requests for this email with this attempt. */
	public static void codeSent(String email, String attempt) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/staff/codes")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.email", equalTo(email)))
			.willReturn(json(202, "{\"attempt\": \"" + attempt + "\", \"expiresAt\": \"2026-12-28T10:00:00Z\"}")));
	}

	/** identity throttles code requests for this email's source (per-IP limit). */
	public static void codesThrottled(String email, int retryAfterSeconds) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/staff/codes")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.email", equalTo(email)))
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", Integer.toString(retryAfterSeconds))
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\": \"tag:coastline.app,2026:problem:too-many-requests\", \"status\": 429}")));
	}

	/** The attempt's code is refused with the tries left. */
	public static void codeRefused(String attempt, int attemptsLeft) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/staff/codes/verify")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.willReturn(codeRefused(attemptsLeft)));
	}

	/** The attempt's right code starts the member's session. */
	public static void codeAccepted(String attempt, String code, StaffMember member) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/staff/codes/verify")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.withRequestBody(matchingJsonPath("$.code", equalTo(code)))
			.willReturn(json(201, started(member))));
	}

	/** The attempt's right code of someone in two workspaces: the choice, then a session in the chosen one. */
	public static void codeOfTwoWorkspaces(String attempt, String code, StaffMember member, String otherName) {
		SERVER.stubFor(post(urlPathEqualTo("/internal/staff/codes/verify")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.withRequestBody(matchingJsonPath("$.code", equalTo(code)))
			.willReturn(json(200, "{\"workspaces\": [{\"workspaceId\": \"" + member.workspaceId()
					+ "\", \"workspaceName\": \"Harbour Roofing\", \"role\": \"OWNER\"}, {\"workspaceId\": \""
					+ UUID.randomUUID() + "\", \"workspaceName\": \"" + otherName + "\", \"role\": \"STAFF\"}]}")));
		SERVER.stubFor(post(urlPathEqualTo("/internal/staff/codes/choose")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.attempt", equalTo(attempt)))
			.withRequestBody(matchingJsonPath("$.workspaceId", equalTo(member.workspaceId().toString())))
			.willReturn(json(201, started(member))));
	}

	private static String started(StaffMember member) {
		return "{\"sessionId\": \"" + member.sessionId() + "\", \"staffId\": \"" + member.staffId()
				+ "\", \"workspaceId\": \"" + member.workspaceId() + "\", \"role\": \"owner\", \"expiresAt\": \""
				+ Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}";
	}

	private static ResponseDefinitionBuilder unauthorized() {
		return aResponse().withStatus(401)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"tag:coastline.app,2026:problem:unauthorized\", \"status\": 401}");
	}

	private static ResponseDefinitionBuilder codeRefused(int attemptsLeft) {
		return aResponse().withStatus(401)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"tag:coastline.app,2026:problem:code-refused\", \"status\": 401, \"attemptsLeft\": "
					+ attemptsLeft + "}");
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("Cache-Control", "no-store")
			.withBody(body);
	}

	/**
	 * A staff member with a live session.
	 *
	 * @param sessionId the session's secret (the cookie's value)
	 * @param staffId the member
	 * @param workspaceId the workspace
	 * @param email the member's email
	 */
	public record StaffMember(String sessionId, UUID staffId, UUID workspaceId, String email) {

		/** The staff JWT identity swaps the session for (unsigned here: the gateway only passes it on). */
		public String jwt() {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(this.staffId.toString())
				.claim("kind", "staff")
				.claim("wid", this.workspaceId.toString())
				.claim("email", this.email)
				.claim("sid", this.sessionId.hashCode())
				.issueTime(Date.from(Instant.ofEpochSecond(1_800_000_000L)))
				.expirationTime(Date.from(Instant.ofEpochSecond(1_800_000_060L)))
				.build();
			return new PlainJWT(claims).serialize();
		}
	}
}
