package com.coastline.backoffice.support;

import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * identity-service's public sign-up ({@code POST /internal/staff/signups}) on {@link IdentityStub}'s server, as
 * identity answers it: created, a validation problem naming fields, or its per-IP limit. A test makes identity
 * answer for its own workspace name only, so tests sharing the server do not disturb each other; a name nobody
 * stubbed gets WireMock's 404, which the gateway treats as identity failing.
 */
public final class SignUpStub {

	public static final String PATH = "/internal/staff/signups";

	private SignUpStub() {
	}

	/** identity signs up the business of this name (workspace and active owner). */
	public static UUID created(String workspaceName, String ownerEmail) {
		UUID workspace = UUID.randomUUID();
		UUID owner = UUID.randomUUID();
		stub(workspaceName, aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withHeader("Location", "/api/workspaces/" + workspace)
			.withBody("{\"workspace\": {\"id\": \"" + workspace + "\", \"name\": \"" + workspaceName
					+ "\", \"timeZone\": \"America/Denver\", \"currency\": \"USD\", \"version\": 0}, \"owner\": {\"id\": \""
					+ owner + "\", \"workspaceId\": \"" + workspace + "\", \"email\": \"" + ownerEmail
					+ "\", \"role\": \"OWNER\", \"status\": \"ACTIVE\", \"version\": 1}}"));
		return workspace;
	}

	/** identity refuses the sign-up of this name: {@code 400 validation-failed} naming the field. */
	public static void invalid(String workspaceName, String field, String message) {
		stub(workspaceName, aResponse().withStatus(400)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 400, "
					+ "\"errors\": [{\"field\": \"" + field + "\", \"message\": \"" + message + "\"}]}"));
	}

	/** identity throttles the sign-up of this name (its per-IP limit). */
	public static void throttled(String workspaceName, int retryAfterSeconds) {
		stub(workspaceName, aResponse().withStatus(429)
			.withHeader("Retry-After", Integer.toString(retryAfterSeconds))
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"tag:coastline.app,2026:problem:too-many-requests\", \"status\": 429}"));
	}

	/** identity drops the connection when this name signs up. */
	public static void down(String workspaceName) {
		stub(workspaceName, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
	}

	private static void stub(String workspaceName, ResponseDefinitionBuilder answer) {
		IdentityStub.SERVER.stubFor(post(urlPathEqualTo(PATH)).atPriority(1)
			.withRequestBody(matchingJsonPath("$.workspaceName", equalTo(workspaceName)))
			.willReturn(answer));
	}
}
