package com.coastline.backoffice.screens;

import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ServicesStub;
import com.coastline.backoffice.support.SignedInScreens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The screens' circuit breakers: the screens call each service through the same named breaker as its route
 * (automation's opens in the shared test context after 4 calls of which half failed). No connection and 5xx
 * answers count as failures, 4xx answers do not; an open circuit is the 503 page at once, without a request to the
 * service, and the other services' screens go on working.
 */
@BackofficeGatewayTest
class ScreenCircuitBreakerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CircuitBreakerRegistry breakers;

	StaffMember member;

	@BeforeEach
	@AfterEach
	void closedCircuits() {
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@BeforeEach
	void signedIn() {
		this.member = IdentityStub.staffSession("owner-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");
	}

	@Test
	void afterFailuresTheCircuitOpensAndThePageAnswersAtOnceWithoutCallingTheService() throws Exception {
		stub(BackOfficeService.AUTOMATION, "/api/automations", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		for (int call = 0; call < 2; call++) {
			this.mvc.perform(get("/automations")
				.cookie(session())).andExpect(status().isServiceUnavailable());
		}
		stub(BackOfficeService.AUTOMATION, "/api/automations", aResponse().withStatus(503));
		for (int call = 0; call < 2; call++) {
			this.mvc.perform(get("/automations")
				.cookie(session())).andExpect(status().isServiceUnavailable());
		}
		// (The JDK's HTTP client itself tries a GET again once when the connection is reset.)
		int reached = calls(BackOfficeService.AUTOMATION, "/api/automations");
		assertThat(reached).isGreaterThanOrEqualTo(4);
		assertThat(this.breakers.circuitBreaker("automation").getState()).isEqualTo(CircuitBreaker.State.OPEN);

		stub(BackOfficeService.AUTOMATION, "/api/automations", okJson("[]"));
		this.mvc.perform(get("/automations")
			.cookie(session()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
			.andExpect(content().string(allOf(containsString("This page is unavailable right now"),
					containsString("<span>automation</span>"))));
		assertThat(calls(BackOfficeService.AUTOMATION, "/api/automations")).isEqualTo(reached);

		// The route measures the same service with the same breaker.
		this.mvc.perform(get("/api/automations")
			.cookie(session())
			.with((request) -> {
				request.setRemoteAddr("10.77.0.1");
				return request;
			})).andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.service").value("automation"));
		assertThat(calls(BackOfficeService.AUTOMATION, "/api/automations")).isEqualTo(reached);
	}

	@Test
	void anOpenCircuitLeavesTheOtherServicesScreensUsable() throws Exception {
		this.breakers.circuitBreaker("automation").transitionToOpenState();
		stub(BackOfficeService.PROJECT, "/api/contacts", okJson("""
				[{"id": "%s", "firstName": "Dana", "lastName": "Reyes", "email": "dana@harbour.test",
				  "phone": null, "archived": false}]""".formatted(UUID.randomUUID())));

		this.mvc.perform(get("/contacts")
			.cookie(session())).andExpect(status().isOk()).andExpect(content().string(containsString("Dana Reyes")));
		this.mvc.perform(get("/automations")
			.cookie(session())).andExpect(status().isServiceUnavailable());

		assertThat(calls(BackOfficeService.PROJECT, "/api/contacts")).isEqualTo(1);
		assertThat(calls(BackOfficeService.AUTOMATION, "/api/automations")).isZero();
		assertThat(this.breakers.circuitBreaker("project").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void theServicesRefusalsDoNotOpenTheCircuit() throws Exception {
		UUID foreign = UUID.randomUUID();
		stub(BackOfficeService.AUTOMATION, "/api/automations/" + foreign, aResponse().withStatus(404)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"tag:coastline.app,2026:problem:not-found\", \"status\": 404}"));

		for (int call = 0; call < 6; call++) {
			this.mvc.perform(get("/automations/" + foreign)
				.cookie(session())).andExpect(status().isNotFound());
		}

		assertThat(calls(BackOfficeService.AUTOMATION, "/api/automations/" + foreign)).isEqualTo(6);
		assertThat(this.breakers.circuitBreaker("automation").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private void stub(BackOfficeService service, String path, ResponseDefinitionBuilder response) {
		ServicesStub.of(service)
			.stubFor(WireMock.get(urlPathEqualTo(path)).atPriority(1)
				.withHeader("Authorization", equalTo("Bearer " + this.member.jwt()))
				.willReturn(response));
	}

	/** The member's requests for {@code path} that reached the service. */
	private int calls(BackOfficeService service, String path) {
		WireMockServer server = ServicesStub.of(service);
		RequestPatternBuilder calls = getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization",
				equalTo("Bearer " + this.member.jwt()));
		return server.findAll(calls).size();
	}

	private Cookie session() {
		return SignedInScreens.session(this.member);
	}
}
