package com.coastline.backoffice.support;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

/**
 * Answers of the services a screen calls, for one signed-in member only, to any WireMock request pattern (where
 * {@link ScreenStubs} matches a method and a path): every stub matches the member's staff JWT, so tests sharing the
 * stub servers (and the same paths) do not see each other's answers. Shared by the screens' tests.
 */
public final class ServiceAnswers {

	private ServiceAnswers() {
	}

	/** The service answers the member's request with this status and JSON body. */
	public static void answer(BackOfficeService service, StaffMember member, MappingBuilder request, int status,
			String json) {
		stub(service, member, request, aResponse().withStatus(status)
			.withHeader("Content-Type", (status >= 400) ? "application/problem+json" : "application/json")
			.withBody(json));
	}

	/** The service answers the member's request with this status and no body. */
	public static void answer(BackOfficeService service, StaffMember member, MappingBuilder request, int status) {
		stub(service, member, request, aResponse().withStatus(status));
	}

	/** The service drops the connection on the member's request, as a service that is down. */
	public static void down(BackOfficeService service, StaffMember member, MappingBuilder request) {
		stub(service, member, request, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
	}

	/** A 404 problem, as the services answer another workspace's ids. */
	public static String notFound() {
		return "{\"type\": \"tag:coastline.app,2026:problem:not-found\", \"status\": 404}";
	}

	private static void stub(BackOfficeService service, StaffMember member, MappingBuilder request,
			ResponseDefinitionBuilder response) {
		ServicesStub.of(service)
			.stubFor(request.atPriority(1)
				.withHeader("Authorization", equalTo("Bearer " + member.jwt()))
				.willReturn(response));
	}
}
