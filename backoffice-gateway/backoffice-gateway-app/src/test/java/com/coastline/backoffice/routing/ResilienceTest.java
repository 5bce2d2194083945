package com.coastline.backoffice.routing;

import java.util.UUID;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ServicesStub;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.routing.RoutingTest.from;
import static com.coastline.backoffice.routing.RoutingTest.nextClientIp;
import static com.coastline.backoffice.support.SignedInScreens.SESSION_COOKIE;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service that is down, slow or failing, and a browser that calls too often: problems, never a hanging page or
 * a 500.
 */
@BackofficeGatewayTest
class ResilienceTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Test
	void aServiceThatDropsTheConnectionIsAServiceUnavailableProblem() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/portal-profile/" + UUID.randomUUID();
		ServicesStub.of(BackOfficeService.PORTAL)
			.stubFor(any(urlPathEqualTo(path)).atPriority(1)
				.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		this.mvc.perform(get(path).cookie(session(member)).with(from(nextClientIp())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:service-unavailable"))
			.andExpect(jsonPath("$.service").value("portal"))
			.andExpect(header().exists("Retry-After"));
	}

	@Test
	void aServiceSlowerThanItsRouteTimeoutIsAGatewayTimeoutProblem() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/deliveries/" + UUID.randomUUID();
		ServicesStub.of(BackOfficeService.NOTIFICATION)
			.stubFor(any(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

		long start = System.nanoTime();
		this.mvc.perform(get(path).cookie(session(member)).with(from(nextClientIp())))
			.andExpect(status().isGatewayTimeout())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:gateway-timeout"))
			.andExpect(jsonPath("$.service").value("notification"));

		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_800);
	}

	@Test
	void theCircuitOpensAfterFailuresAndThenNothingIsForwarded() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String prefix = "/api/automations/" + UUID.randomUUID();
		this.breakers.circuitBreaker(BackOfficeService.AUTOMATION.id()).reset();
		ServicesStub.of(BackOfficeService.AUTOMATION)
			.stubFor(any(urlPathMatching(prefix + "/.*")).atPriority(1)
				.willReturn(aResponse().withStatus(503).withBody("down for maintenance")));

		for (int i = 0; i < 4; i++) {
			this.mvc.perform(get(prefix + "/" + i).cookie(session(member)).with(from(nextClientIp())))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString("down for maintenance")));
		}
		this.mvc.perform(get(prefix + "/open").cookie(session(member)).with(from(nextClientIp())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:service-unavailable"))
			.andExpect(jsonPath("$.service").value("automation"));

		assertThat(ServicesStub.of(BackOfficeService.AUTOMATION)
			.findAll(anyRequestedFor(urlPathEqualTo(prefix + "/open")))).isEmpty();
		// Other services keep their own circuits.
		this.mvc.perform(get("/api/projects/" + UUID.randomUUID()).cookie(session(member))
			.with(from(nextClientIp())))
			.andExpect(status().isOk());
	}

	@Test
	void aClientOverTheRateLimitGetsTooManyRequestsWithRetryAfter() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String ip = nextClientIp();
		String path = "/api/invoices/" + UUID.randomUUID();

		for (int i = 0; i < 20; i++) {
			this.mvc.perform(get(path).cookie(session(member)).with(from(ip)))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get(path).cookie(session(member)).with(from(ip)))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:too-many-requests"))
			.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")));

		assertThat(ServicesStub.of(BackOfficeService.PROJECT).findAll(anyRequestedFor(urlPathEqualTo(path)))).hasSize(20);
		// Another client is not held back.
		this.mvc.perform(get(path).cookie(session(member)).with(from(nextClientIp())))
			.andExpect(status().isOk());
	}

	@Test
	void identityDownIsAServiceUnavailableProblemForTheApi() throws Exception {
		String session = "session-" + UUID.randomUUID();
		IdentityStub.SERVER.stubFor(post(urlPathEqualTo("/internal/staff/sessions/token"))
			.atPriority(1)
			.withRequestBody(containing(session))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		this.mvc.perform(get("/api/projects").cookie(new Cookie(SESSION_COOKIE, session)).with(from(nextClientIp())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.service").value("identity"));
	}
}
