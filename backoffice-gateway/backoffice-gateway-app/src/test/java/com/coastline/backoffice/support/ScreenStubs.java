package com.coastline.backoffice.support;

import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The services' back-office APIs answering the screens' server-side calls, on the {@link ServicesStub} servers:
 * every stub answers only the member's own staff JWT (as the services look everything up in the token's
 * workspace), so tests sharing the servers do not disturb each other, and a call without the member's token finds
 * no stub. Also sample JSON in the services' shapes.
 */
public final class ScreenStubs {

	private ScreenStubs() {
	}

	/** The service answers the member's {@code method path} with this status and JSON body. */
	public static void answer(BackOfficeService service, StaffMember member, String method, String path, int status,
			String json) {
		MappingBuilder request = WireMock.request(method, urlPathEqualTo(path))
			.atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + member.jwt()));
		server(service).stubFor(request.willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", (status >= 400) ? "application/problem+json" : "application/json")
			.withBody(json)));
	}

	/** The service answers the member's {@code method path} with 204 and no body. */
	public static void noContent(BackOfficeService service, StaffMember member, String method, String path) {
		server(service).stubFor(WireMock.request(method, urlPathEqualTo(path))
			.atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + member.jwt()))
			.willReturn(aResponse().withStatus(204)));
	}

	/** The service drops the connection on {@code method path} (down, as far as the caller can tell). */
	public static void down(BackOfficeService service, String method, String path) {
		server(service).stubFor(WireMock.request(method, urlPathEqualTo(path))
			.atPriority(1)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

	/** A 404 problem, as the services answer another workspace's or an unknown id. */
	public static String notFound() {
		return "{\"type\": \"tag:coastline.app,2026:problem:not-found\", \"title\": \"Not found\", \"status\": 404}";
	}

	/** The member's calls of {@code method path}, as received. */
	public static RequestPatternBuilder calls(StaffMember member, String method, String path) {
		return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(method), urlPathEqualTo(path))
			.withHeader("Authorization", equalTo("Bearer " + member.jwt()));
	}

	public static WireMockServer server(BackOfficeService service) {
		return ServicesStub.of(service);
	}

	/** project-service's contact. */
	public static String contact(UUID id, String firstName, String lastName, String email) {
		return "{\"id\": \"" + id + "\", \"firstName\": \"" + firstName + "\", \"lastName\": \"" + lastName
				+ "\", \"email\": \"" + email + "\", \"phone\": \"+1 555 0100\", \"archived\": false, \"version\": 1, "
				+ "\"createdAt\": \"2026-11-01T10:00:00Z\", \"updatedAt\": \"2026-11-01T10:00:00Z\"}";
	}

	/** project-service's project. */
	public static String project(UUID id, String name, String status, UUID primaryContactId) {
		return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"address\": \"1 Harbour Road\", \"status\": \""
				+ status + "\", \"primaryContactId\": "
				+ ((primaryContactId != null) ? "\"" + primaryContactId + "\"" : "null")
				+ ", \"addedContactIds\": [], \"approvedAt\": null, \"version\": 2, "
				+ "\"createdAt\": \"2026-11-02T10:00:00Z\", \"updatedAt\": \"2026-11-03T10:00:00Z\"}";
	}

	/** project-service's estimate with one version (lines: 2.5 × 100.00 at 8.25 %, 1 × 40.00 untaxed). */
	public static String estimate(UUID id, UUID projectId, String status, int version, String title) {
		return "{\"id\": \"" + id + "\", \"projectId\": \"" + projectId + "\", \"currency\": \"USD\", \"status\": \""
				+ status + "\", \"currentVersion\": " + version + ", \"version\": 3, \"versions\": ["
				+ ((version > 1) ? "{\"number\": 1, \"status\": \"SUPERSEDED\", \"title\": \"First try\", "
						+ "\"lineItems\": [], \"subtotalMinor\": 10000, \"taxMinor\": 0, \"totalMinor\": 10000}, " : "")
				+ "{\"number\": " + version + ", \"status\": \"" + status + "\", \"title\": \"" + title
				+ "\", \"notes\": \"Includes disposal.\", \"validUntil\": \"2026-12-31\", \"lineItems\": "
				+ LINES + ", \"subtotalMinor\": 29000, \"taxMinor\": 2063, \"totalMinor\": 31063, "
				+ "\"sentAt\": null, \"answeredAt\": null, \"clientMessage\": null}]}";
	}

	/** project-service's invoice (the same lines as {@link #estimate}), with one payment when {@code paidMinor > 0}. */
	public static String invoice(UUID id, UUID projectId, String status, long paidMinor, boolean overdue) {
		return "{\"id\": \"" + id + "\", \"projectId\": \"" + projectId + "\", \"title\": \"Deposit\", "
				+ "\"notes\": null, \"currency\": \"USD\", \"status\": \"" + status + "\", \"overdue\": " + overdue
				+ ", \"dueDate\": \"2026-12-15\", \"lineItems\": " + LINES + ", \"subtotalMinor\": 29000, "
				+ "\"taxMinor\": 2063, \"totalMinor\": 31063, \"paidMinor\": " + paidMinor + ", \"balanceDueMinor\": "
				+ (31063 - paidMinor) + ", \"overpaidMinor\": 0, \"payments\": "
				+ ((paidMinor > 0) ? "[{\"id\": \"" + UUID.randomUUID() + "\", \"method\": \"OFFLINE\", \"amountMinor\": "
						+ paidMinor + ", \"reference\": \"Cheque 12\", \"receivedAt\": \"2026-12-02T10:00:00Z\"}]" : "[]")
				+ ", \"issuedAt\": " + ("DRAFT".equals(status) ? "null" : "\"2026-12-01T10:00:00Z\"")
				+ ", \"version\": 2}";
	}

	private static final String LINES = "[{\"lineNumber\": 1, \"description\": \"Shingles\", \"quantity\": 2.5, "
			+ "\"unitPriceMinor\": 10000, \"taxRateBasisPoints\": 825, \"netMinor\": 25000, \"taxMinor\": 2063, "
			+ "\"totalMinor\": 27063}, {\"lineNumber\": 2, \"description\": \"Disposal\", \"quantity\": 1, "
			+ "\"unitPriceMinor\": 4000, \"taxRateBasisPoints\": 0, \"netMinor\": 4000, \"taxMinor\": 0, "
			+ "\"totalMinor\": 4000}]";
}
