package com.coastline.backoffice.routing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.CsrfTokens;
import com.coastline.backoffice.support.IdentityStub;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ServicesStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.coastline.backoffice.support.SignedInScreens.SESSION_COOKIE;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The routes: each path to its service with the staff JWT instead of the cookie, the request id and the client's
 * IP; what is refused before anything is forwarded (no session, a client's session, no CSRF token, another site);
 * CORS closed; the security headers.
 */
@BackofficeGatewayTest
class RoutingTest {

	private static final AtomicInteger CLIENTS = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@CsvSource({ "GET, /api/staff, IDENTITY", "GET, /api/workspaces/{id}, IDENTITY",
			"POST, /api/contacts/{id}/links, IDENTITY", "GET, /api/contacts/{id}/sessions, IDENTITY",
			"GET, /api/contacts/{id}, PROJECT", "GET, /api/contacts, PROJECT", "GET, /api/projects/{id}, PROJECT",
			"POST, /api/estimates/{id}/send, PROJECT", "GET, /api/invoices, PROJECT",
			"GET, /api/appointments/{id}, PROJECT", "PUT, /api/payment-settings, PROJECT",
			"GET, /api/projects/{id}/photos, MEDIA", "POST, /api/photos/{id}/portal, MEDIA",
			"POST, /api/documents/{id}/share, MEDIA", "GET, /api/portal-profile, PORTAL",
			"POST, /api/portal-profile/activate, PORTAL", "POST, /api/projects/{id}/customer-portal-link, PORTAL",
			"GET, /api/automations, AUTOMATION", "POST, /api/automation-runs/{id}/retry, AUTOMATION",
			"GET, /api/dynamic-values, AUTOMATION", "GET, /api/projects/{id}/automation-runs, AUTOMATION",
			"GET, /api/deliveries, NOTIFICATION", "GET, /api/undeliverable-addresses, NOTIFICATION" })
	void routesEachPathToTheServiceThatOwnsItWithTheStaffToken(String method, String template,
			BackOfficeService service) throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = template.replace("{id}", UUID.randomUUID().toString());
		String ip = nextClientIp();

		this.mvc.perform(withCsrf(method, request(method, path)).cookie(session(member))
			.with(from(ip))
			.header("X-Request-Id", "req-" + path.hashCode())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value(service.id()))
			.andExpect(header().string("X-Request-Id", "req-" + path.hashCode()));

		LoggedRequest received = single(ServicesStub.of(service), path);
		assertThat(received.getMethod().value()).isEqualTo(method);
		assertThat(received.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + member.jwt());
		assertThat(received.getHeader("X-Request-Id")).isEqualTo("req-" + path.hashCode());
		assertThat(received.getHeader("X-Forwarded-For")).isEqualTo(ip);
		assertThat(received.containsHeader(HttpHeaders.COOKIE)).isFalse();
		assertThat(received.containsHeader("X-CSRF-TOKEN")).isFalse();
		for (BackOfficeService other : BackOfficeService.values()) {
			if (other != service) {
				assertThat(ServicesStub.of(other).findAll(anyRequestedFor(urlPathEqualTo(path)))).isEmpty();
			}
		}
	}

	@Test
	void aRequestWithoutAnIdGetsANewOnePassedOnAndEchoed() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID();

		String echoed = this.mvc
			.perform(get(path).cookie(session(member)).with(from(nextClientIp())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");

		assertThat(echoed).isNotBlank();
		assertThat(single(ServicesStub.of(BackOfficeService.PROJECT), path).getHeader("X-Request-Id")).isEqualTo(echoed);
	}

	@Test
	void theBrowsersForwardedHeadersAreNotPassedOn() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID();
		String ip = nextClientIp();

		this.mvc
			.perform(get(path).cookie(session(member))
				.with(from(ip))
				.header("X-Forwarded-For", "203.0.113.9")
				.header("Forwarded", "for=203.0.113.9")
				.header(HttpHeaders.AUTHORIZATION, "Bearer forged"))
			.andExpect(status().isOk());

		LoggedRequest received = single(ServicesStub.of(BackOfficeService.PROJECT), path);
		assertThat(received.getHeaders().getHeader("X-Forwarded-For").values()).containsExactly(ip);
		assertThat(received.containsHeader("Forwarded")).isFalse();
		assertThat(received.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + member.jwt());
	}

	@Test
	void aPathNoServiceOwnsIsANotFoundProblem() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");

		this.mvc.perform(get("/api/signing-keys").cookie(session(member)).with(from(nextClientIp())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:not-found"));
		for (WireMockServer server : ServicesStub.SERVERS.values()) {
			assertThat(server.findAll(anyRequestedFor(urlPathEqualTo("/api/signing-keys")))).isEmpty();
		}
	}

	@Test
	void withoutASessionTheApiIsUnauthorizedAndNothingIsForwarded() throws Exception {
		String path = "/api/projects/" + UUID.randomUUID();

		this.mvc.perform(get(path).with(from(nextClientIp())))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:unauthorized"));

		assertThat(ServicesStub.of(BackOfficeService.PROJECT).findAll(anyRequestedFor(urlPathEqualTo(path)))).isEmpty();
	}

	@Test
	void aClientsPortalSessionIsRefused() throws Exception {
		String path = "/api/projects/" + UUID.randomUUID();
		String portalSession = "portal-session-" + UUID.randomUUID();

		// The portal's own cookie is not the back office's; its value in the back office's cookie is a session
		// identity does not know as a staff session.
		this.mvc.perform(get(path).cookie(new Cookie("__Host-coastline-portal-session", portalSession)).with(from(nextClientIp())))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get(path).cookie(new Cookie(SESSION_COOKIE, portalSession)).with(from(nextClientIp())))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:unauthorized"));

		assertThat(ServicesStub.of(BackOfficeService.PROJECT).findAll(anyRequestedFor(urlPathEqualTo(path)))).isEmpty();
		assertThat(IdentityStub.SERVER.findAll(postRequestedFor(urlPathEqualTo("/internal/staff/sessions/token"))
			.withRequestBody(containing(portalSession)))).hasSize(1);
	}

	@Test
	void anotherWorkspacesIdsAreRefusedAsTheServiceAnswers() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		UUID othersProject = UUID.randomUUID();
		ServicesStub.of(BackOfficeService.PROJECT)
			.stubFor(any(urlPathEqualTo("/api/projects/" + othersProject)).atPriority(1)
				.willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"type\": \"tag:coastline.app,2026:problem:not-found\", \"status\": 404}")));

		this.mvc.perform(get("/api/projects/" + othersProject).cookie(session(member))
			.with(from(nextClientIp())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:not-found"));
	}

	/**
	 * Reads reuse the member's token for a while (one swap at identity for many reads), writes always swap afresh:
	 * a session identity has ended can never act, and a sign-out here ends its reads at once.
	 */
	@Test
	void readsReuseTheMembersTokenWhileWritesAndASignOutAskIdentityAgain() throws Exception {
		StaffMember member = IdentityStub.staffSession("reader-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID();

		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get(path).cookie(session(member)).with(from(nextClientIp()))).andExpect(status().isOk());
		}
		assertThat(swapsOf(member)).isEqualTo(1);
		this.mvc.perform(post(path + "/approve").cookie(session(member))
			.with(from(nextClientIp()))
			.with(CsrfTokens.fetch(this.mvc).asHeader())).andExpect(status().isOk());
		assertThat(swapsOf(member)).isEqualTo(2);

		IdentityStub.sessionEnded(member);
		this.mvc.perform(post(path + "/approve").cookie(session(member))
			.with(from(nextClientIp()))
			.with(CsrfTokens.fetch(this.mvc).asHeader()))
			.andExpect(status().isUnauthorized());
		// The ended session's token is forgotten: its next read asks identity.
		this.mvc.perform(get(path).cookie(session(member)).with(from(nextClientIp())))
			.andExpect(status().isUnauthorized());
		assertThat(ServicesStub.of(BackOfficeService.PROJECT).findAll(postRequestedFor(urlPathEqualTo(path + "/approve"))))
			.hasSize(1);

		StaffMember leaving = IdentityStub.staffSession("leaving-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");
		this.mvc.perform(get(path).cookie(session(leaving)).with(from(nextClientIp()))).andExpect(status().isOk());
		this.mvc.perform(post("/sign-out").with(CsrfTokens.fetch(this.mvc).asField()).cookie(session(leaving)))
			.andExpect(status().is3xxRedirection());
		IdentityStub.sessionEnded(leaving);
		this.mvc.perform(get(path).cookie(session(leaving)).with(from(nextClientIp())))
			.andExpect(status().isUnauthorized());
		assertThat(swapsOf(leaving)).isEqualTo(2);
	}

	private static int swapsOf(StaffMember member) {
		return IdentityStub.SERVER.findAll(postRequestedFor(urlPathEqualTo("/internal/staff/sessions/token"))
			.withRequestBody(containing(member.sessionId()))).size();
	}

	@Test
	void aMutatingCallWithoutTheCsrfTokenIsForbiddenAndNothingIsForwarded() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID() + "/approve";

		this.mvc.perform(post(path).cookie(session(member)).with(from(nextClientIp())))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:forbidden"));
		this.mvc.perform(delete(path).cookie(session(member))
			.with(from(nextClientIp()))
			.header("X-CSRF-TOKEN", "made-up"))
			.andExpect(status().isForbidden());

		assertThat(ServicesStub.of(BackOfficeService.PROJECT).findAll(anyRequestedFor(urlPathEqualTo(path)))).isEmpty();
	}

	@Test
	void aMutatingCallFromAnotherSiteIsForbiddenEvenWithAToken() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID() + "/approve";

		this.mvc.perform(post(path).cookie(session(member))
			.with(from(nextClientIp()))
			.with(CsrfTokens.fetch(this.mvc).asHeader())
			.header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(path).cookie(session(member))
			.with(from(nextClientIp()))
			.with(CsrfTokens.fetch(this.mvc).asHeader())
			.header(HttpHeaders.ORIGIN, "https://evil.test"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(path).cookie(session(member))
			.with(from(nextClientIp()))
			.with(CsrfTokens.fetch(this.mvc).asHeader())
			.header("Sec-Fetch-Site", "same-origin"))
			.andExpect(status().isOk());

		assertThat(ServicesStub.of(BackOfficeService.PROJECT).findAll(anyRequestedFor(urlPathEqualTo(path)))).hasSize(1);
	}

	@Test
	void aCorsPreflightFromAnotherOriginGetsNoCorsHeaders() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID();

		this.mvc.perform(options(path).cookie(session(member))
			.with(from(nextClientIp()))
			.header(HttpHeaders.ORIGIN, "https://evil.test")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE"))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS));
		this.mvc.perform(get(path).cookie(session(member))
			.with(from(nextClientIp()))
			.header(HttpHeaders.ORIGIN, "https://evil.test"))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));

		assertThat(ServicesStub.of(BackOfficeService.PROJECT)
			.findAll(anyRequestedFor(urlPathEqualTo(path)))
			.stream()
			.map((request) -> request.getMethod().value())
			.toList()).doesNotContain("OPTIONS");
	}

	@Test
	void apiAnswersCarryTheSecurityHeaders() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");

		this.mvc.perform(get("/api/projects/" + UUID.randomUUID()).cookie(session(member))
			.with(from(nextClientIp())))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Content-Security-Policy",
					containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
		this.mvc.perform(get("/api/projects").with(from(nextClientIp())))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	static String nextClientIp() {
		int n = CLIENTS.getAndIncrement();
		return "10.1." + (n / 250) + "." + (n % 250 + 1);
	}

	static RequestPostProcessor from(String ip) {
		return (request) -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	private static MockHttpServletRequestBuilder request(String method, String path) {
		return MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
	}

	private MockHttpServletRequestBuilder withCsrf(String method, MockHttpServletRequestBuilder request)
			throws Exception {
		return List.of("GET", "HEAD").contains(method) ? request : request.with(CsrfTokens.fetch(this.mvc).asHeader());
	}

	private static LoggedRequest single(WireMockServer server, String path) {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(urlPathMatching(path.replace(".", "\\."))));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}
}
