package com.coastline.portal.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import com.coastline.portal.support.IdentityStub;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.ServicesStub;
import com.coastline.portal.support.PortalServiceTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.portal.support.PortalFixture.slug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The signed-in client's home and project pages against project-service and media-service stood in for at
 * their HTTP boundary: what is shown, with which token the services are asked, and what a failing, slow or
 * refusing service does to the page.
 */
@PortalServiceTest
class ClientPagesTest {

	private static final String SESSION_COOKIE = "__Host-coastline-portal-session";

	private static final String VISIT_COOKIE = "__Host-coastline-portal-visit";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	BulkheadRegistry bulkheads;

	UUID workspace;

	String slug;

	String sessionId;

	String jwt;

	UUID project;

	@BeforeEach
	void setUp() throws Exception {
		this.workspace = UUID.randomUUID();
		this.slug = slug("summit");
		new PortalFixture(this.mvc, this.jdbc, this.environment).activePortal(this.workspace, this.slug);
		this.sessionId = "session-" + UUID.randomUUID();
		this.jwt = IdentityStub.sessionLive(this.sessionId, this.workspace, UUID.randomUUID());
		this.project = UUID.randomUUID();
		this.breakers.circuitBreaker("project").reset();
		this.breakers.circuitBreaker("media").reset();
	}

	@Test
	void homeShowsTheOpenActionsAndTheProjectsEscaped() throws Exception {
		UUID estimate = UUID.randomUUID();
		ServicesStub.json(this.jwt, "/portal/overview", """
				{"since": null, "changesSince": 3, "client": {"firstName": "Dana <3", "lastName": "Reyes"},
				 "projects": [{"id": "%1$s", "name": "<b>Roof</b> & gutters", "address": "12 Harbor Rd", "status": "IN_PROGRESS", "changesSince": 3}],
				 "upcomingAppointments": [{"id": "%2$s", "projectId": "%1$s", "startsAt": "2026-12-01T14:00:00Z",
				   "endsAt": "2026-12-01T16:00:00Z", "timeZone": "America/New_York", "assigneeName": "Dana <Crew>", "status": "SCHEDULED"}],
				 "estimatesAwaitingApproval": [{"id": "%3$s", "projectId": "%1$s", "versionNumber": 2, "title": "New roof",
				   "totalMinor": 1234550, "currency": "USD", "validUntil": "2026-12-15", "sentAt": "2026-11-20T10:00:00Z"}],
				 "openInvoices": [{"id": "%2$s", "projectId": "%1$s", "title": "Deposit", "currency": "EUR", "totalMinor": 80000,
				   "balanceDueMinor": 50000, "dueDate": "2026-11-20", "overdue": true}]}
				""".formatted(this.project, UUID.randomUUID(), estimate));

		MockHttpServletResponse home = page("/p/" + this.slug + "/");

		assertThat(home.getStatus()).isEqualTo(200);
		String html = home.getContentAsString();
		assertThat(html).contains("<h1>Welcome, Dana &lt;3</h1>")
			.contains("&lt;b&gt;Roof&lt;/b&gt; &amp; gutters")
			.doesNotContain("<b>Roof</b>")
			.contains("href=\"/p/" + this.slug + "/projects/" + this.project + "\"")
			.contains("12 Harbor Rd")
			.contains("In progress")
			.contains("Estimate to approve")
			.contains("New roof")
			.contains("$12,345.50")
			.contains("valid until <span>15 Dec 2026</span>")
			.contains("Invoice to pay")
			.contains("€500.00")
			.contains("due <span>20 Nov 2026</span>")
			.contains("Overdue")
			.contains("Tue 1 Dec 2026, 9:00 AM – 11:00 AM (America/New_York)")
			.contains("Dana &lt;Crew&gt;")
			.contains("Welcome to your portal. Your projects have 3 updates so far.");
		LoggedRequest overview = lastOverviewRequest();
		assertThat(overview.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt);
		assertThat(overview.getQueryParams()).doesNotContainKey("since");
		assertThat(home.getHeader("Set-Cookie")).startsWith(VISIT_COOKIE + "=_")
			.contains("HttpOnly")
			.contains("Secure")
			.contains("SameSite=Lax");
	}

	@Test
	void whatIsNewCountsFromTheLastVisit() throws Exception {
		ServicesStub.json(this.jwt, "/portal/overview", overview(2, "[]"));
		Instant lastSeen = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		String visit = lastSeen.minus(1, ChronoUnit.DAYS).getEpochSecond() + "_" + lastSeen.getEpochSecond();

		MockHttpServletResponse home = this.mvc
			.perform(get("/p/" + this.slug + "/").cookie(new Cookie(SESSION_COOKIE, this.sessionId),
					new Cookie(VISIT_COOKIE, visit)))
			.andReturn()
			.getResponse();

		assertThat(home.getContentAsString()).contains("2 updates since your last visit.");
		assertThat(lastOverviewRequest().queryParameter("since").firstValue()).isEqualTo(lastSeen.toString());
		assertThat(home.getHeader("Set-Cookie")).startsWith(VISIT_COOKIE + "=" + lastSeen.getEpochSecond() + "_");
	}

	@Test
	void homeHasFriendlyEmptyStates() throws Exception {
		ServicesStub.json(this.jwt, "/portal/overview", overview(0, "[]"));

		String html = page("/p/" + this.slug + "/").getContentAsString();

		assertThat(html).contains("You're all caught up: nothing needs your attention.")
			.contains("You have no projects here yet.")
			.doesNotContain("Estimate to approve")
			.doesNotContain("Invoice to pay");
	}

	@Test
	void projectServiceDownStillRendersHome() throws Exception {
		ServicesStub.status(this.jwt, "/portal/overview", 503);

		MockHttpServletResponse home = page("/p/" + this.slug + "/");

		assertThat(home.getStatus()).isEqualTo(200);
		assertThat(home.getContentAsString()).contains("Your projects are unavailable right now").contains("Sign out");
	}

	@Test
	void aRunOfFailedCallsDoesNotGreyOutTheFollowingPages() throws Exception {
		// More failures in a row than the platform's default circuit (half of the last 20 calls, at least 10) opens
		// on: a service's first seconds after a start look like this at hundreds of pages a second.
		ServicesStub.status(this.jwt, "/portal/overview", 503);
		for (int call = 0; call < 15; call++) {
			assertThat(page("/p/" + this.slug + "/").getContentAsString()).contains("Your projects are unavailable right now");
		}
		ServicesStub.json(this.jwt, "/portal/overview", overview(0, "[]"));

		assertThat(page("/p/" + this.slug + "/").getContentAsString()).contains("You have no projects here yet.")
			.doesNotContain("unavailable right now");
		assertThat(this.breakers.circuitBreaker("project").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void aProjectServiceThatKeepsFailingIsNoLongerCalled() throws Exception {
		ServicesStub.status(this.jwt, "/portal/overview", 503);
		for (int call = 0; call < 80; call++) {
			MockHttpServletResponse home = page("/p/" + this.slug + "/");
			assertThat(home.getStatus()).isEqualTo(200);
			assertThat(home.getContentAsString()).contains("Your projects are unavailable right now");
		}

		// At least 50 calls in the last 10 seconds, more than half of them failed: the circuit is open.
		assertThat(this.breakers.circuitBreaker("project").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(ServicesStub.requests("/portal/overview")
			.stream()
			.filter((request) -> ("Bearer " + this.jwt).equals(request.getHeader("Authorization")))).hasSizeBetween(50, 79);
	}

	@Test
	void aStalledProjectServiceHoldsOnlyItsBulkheadsPagesTheOthersComeBackAtOnce() throws Exception {
		Bulkhead bulkhead = this.bulkheads.bulkhead("project");
		int places = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
		ServicesStub.slow(this.jwt, "/portal/overview", 3000, overview(0, "[]"));
		ExecutorService browsers = Executors.newFixedThreadPool(places);
		try {
			List<Future<MockHttpServletResponse>> waiting = new ArrayList<>();
			for (int i = 0; i < places; i++) {
				waiting.add(browsers.submit(() -> page("/p/" + this.slug + "/")));
			}
			await().atMost(Duration.ofSeconds(5))
				.until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 0);

			long started = System.nanoTime();
			MockHttpServletResponse next = page("/p/" + this.slug + "/");
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(next.getStatus()).isEqualTo(200);
			assertThat(next.getContentAsString()).contains("Your projects are unavailable right now");
			// The page did not wait out the 600 ms timeout: it found no place and did not call.
			assertThat(took).isLessThan(Duration.ofMillis(400));
			for (Future<MockHttpServletResponse> page : waiting) {
				assertThat(page.get(5, TimeUnit.SECONDS).getContentAsString()).contains("Your projects are unavailable right now");
			}
			// Only the pages that had a place called project-service.
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ServicesStub.requests("/portal/overview")
				.stream()
				.filter((request) -> ("Bearer " + this.jwt).equals(request.getHeader("Authorization")))).hasSize(places));
		}
		finally {
			browsers.shutdownNow();
		}

		// The places come back once the late calls end; a service that answers again fills the page.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == places);
		ServicesStub.json(this.jwt, "/portal/overview", overview(0, "[]"));
		assertThat(page("/p/" + this.slug + "/").getContentAsString()).contains("You have no projects here yet.")
			.doesNotContain("unavailable right now");
	}

	@Test
	void aServiceThatNoLongerAcceptsTheTokenSendsTheClientToSignIn() throws Exception {
		ServicesStub.status(this.jwt, "/portal/overview", 401);

		MockHttpServletResponse home = page("/p/" + this.slug + "/");

		assertThat(home.getStatus()).isEqualTo(302);
		assertThat(home.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
	}

	@Test
	void projectPageShowsDetailsVisitsTimelinePhotosAndDocuments() throws Exception {
		stubProject();
		UUID photo = UUID.randomUUID();
		ServicesStub.json(this.jwt, photos(), """
				[{"id": "%s", "projectId": "%s", "width": 800, "height": 600, "addedAt": "2026-11-25T10:00:00Z",
				  "thumbnailUrl": "/portal/photos/x/thumbnail", "webUrl": "/portal/photos/x/web"}]
				""".formatted(photo, this.project));
		stubDocuments();

		MockHttpServletResponse page = page("/p/" + this.slug + "/projects/" + this.project);

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<h1>Kitchen &lt;remodel&gt;</h1>")
			.contains("Estimating")
			.contains("Wed 2 Dec 2026, 8:00 AM – 10:00 AM (Europe/London)")
			.contains("Mon 2 Nov 2026, 8:00 AM – 10:00 AM (Europe/London)")
			.contains("Completed")
			.contains("Estimate sent")
			.contains("Your contractor")
			.contains("Times are shown in UTC.")
			.contains("contract &amp; terms.pdf")
			.contains("12 KB")
			.contains("src=\"/p/" + this.slug + "/photos/" + photo + "/thumbnail\"")
			.contains("alt=\"Project photo 1 of 1, added 25 Nov 2026\"")
			.doesNotContain("unavailable right now");
		assertThat(ServicesStub.requests(photos())).last()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt));
	}

	@Test
	void aThumbnailIsRelayedWithTheClientsToken() throws Exception {
		UUID photo = UUID.randomUUID();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };
		ServicesStub.bytes(this.jwt, "/portal/photos/" + photo + "/thumbnail", "image/png", png);

		MockHttpServletResponse image = page("/p/" + this.slug + "/photos/" + photo + "/thumbnail");
		MockHttpServletResponse other = page("/p/" + this.slug + "/photos/" + UUID.randomUUID() + "/thumbnail");
		MockHttpServletResponse signedOut = this.mvc.perform(get("/p/" + this.slug + "/photos/" + photo + "/thumbnail"))
			.andReturn()
			.getResponse();

		assertThat(image.getStatus()).isEqualTo(200);
		assertThat(image.getContentType()).isEqualTo("image/png");
		assertThat(image.getContentAsByteArray()).isEqualTo(png);
		assertThat(image.getHeader("Cache-Control")).contains("no-store");
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(signedOut.getStatus()).isEqualTo(404);
	}

	@Test
	void mediaServiceDownGreysOutPhotosAndDocumentsOnly() throws Exception {
		stubProject();
		ServicesStub.status(this.jwt, photos(), 503);
		ServicesStub.status(this.jwt, "/portal/projects/" + this.project + "/documents", 503);

		MockHttpServletResponse page = page("/p/" + this.slug + "/projects/" + this.project);

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Photos are unavailable right now")
			.contains("Documents are unavailable right now")
			.contains("<h1>Kitchen &lt;remodel&gt;</h1>")
			.contains("Estimate sent");
	}

	@Test
	void aSlowMediaServiceDoesNotHoldThePage() throws Exception {
		stubProject();
		ServicesStub.slow(this.jwt, photos(), 3000, "[]");
		stubDocuments();

		long started = System.nanoTime();
		MockHttpServletResponse page = page("/p/" + this.slug + "/projects/" + this.project);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Photos are unavailable right now")
			.contains("contract &amp; terms.pdf");
		assertThat(took).isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void aProjectProjectServiceDoesNotKnowIsTheNotFoundPage() throws Exception {
		ServicesStub.status(this.jwt, "/portal/projects/" + this.project, 404);

		MockHttpServletResponse page = page("/p/" + this.slug + "/projects/" + this.project);
		MockHttpServletResponse malformed = page("/p/" + this.slug + "/projects/not-a-uuid");

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("Page not found").contains("This page does not exist.");
		assertThat(malformed.getStatus()).isEqualTo(404);
	}

	@Test
	void projectServiceDownForTheProjectIsTheTryAgainPage() throws Exception {
		ServicesStub.status(this.jwt, "/portal/projects/" + this.project, 503);

		MockHttpServletResponse page = page("/p/" + this.slug + "/projects/" + this.project);

		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentAsString()).contains("This page is unavailable right now");
	}

	@Test
	void anotherContactsProjectIsTheNotFoundPage() throws Exception {
		String otherJwt = IdentityStub.sessionLive("session-" + UUID.randomUUID(), this.workspace, UUID.randomUUID());
		ServicesStub.json(otherJwt, "/portal/projects/" + this.project,
				"{\"id\": \"" + this.project + "\", \"name\": \"Their kitchen\", \"status\": \"LEAD\"}");

		MockHttpServletResponse page = page("/p/" + this.slug + "/projects/" + this.project);

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).doesNotContain("Their kitchen").contains("Page not found");
	}

	@Test
	void withoutASessionThePagesSendToSignIn() throws Exception {
		for (String path : new String[] { "/", "/projects/" + this.project }) {
			MockHttpServletResponse page = this.mvc.perform(get("/p/" + this.slug + path)).andReturn().getResponse();

			assertThat(page.getStatus()).isEqualTo(302);
			assertThat(page.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
		}
		assertThat(ServicesStub.requests("/portal/projects/" + this.project)).isEmpty();
	}

	private void stubProject() {
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project, """
				{"id": "%s", "name": "Kitchen <remodel>", "address": "4 Elm St", "status": "ESTIMATING", "updatedAt": "2026-11-25T10:00:00Z"}
				""".formatted(this.project));
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/timeline", """
				[{"id": "%s", "occurredAt": "2026-11-24T15:30:00Z", "kind": "ESTIMATE_SENT", "by": "contractor",
				  "summary": "Estimate sent", "subjectId": null}]
				""".formatted(UUID.randomUUID()));
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/appointments", """
				{"upcoming": [{"id": "%1$s", "projectId": "%2$s", "startsAt": "2026-12-02T08:00:00Z", "endsAt": "2026-12-02T10:00:00Z",
				   "timeZone": "Europe/London", "assigneeName": null, "status": "SCHEDULED"}],
				 "past": [{"id": "%1$s", "projectId": "%2$s", "startsAt": "2026-11-02T08:00:00Z", "endsAt": "2026-11-02T10:00:00Z",
				   "timeZone": "Europe/London", "assigneeName": "Sam", "status": "COMPLETED"}]}
				""".formatted(UUID.randomUUID(), this.project));
	}

	private void stubDocuments() {
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/documents", """
				[{"id": "%s", "projectId": "%s", "fileName": "contract & terms.pdf", "contentType": "application/pdf",
				  "size": 12000, "sharedAt": "2026-11-25T10:00:00Z", "fileUrl": "/portal/documents/x/file"}]
				""".formatted(UUID.randomUUID(), this.project));
	}

	private String photos() {
		return "/portal/projects/" + this.project + "/photos";
	}

	private static String overview(long changes, String projects) {
		return "{\"since\": null, \"changesSince\": " + changes + ", \"projects\": " + projects
				+ ", \"upcomingAppointments\": [], \"estimatesAwaitingApproval\": [], \"openInvoices\": []}";
	}

	private LoggedRequest lastOverviewRequest() {
		return ServicesStub.requests("/portal/overview")
			.stream()
			.filter((request) -> ("Bearer " + this.jwt).equals(request.getHeader("Authorization")))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private MockHttpServletResponse page(String path) throws Exception {
		return this.mvc.perform(get(path).cookie(new Cookie(SESSION_COOKIE, this.sessionId))).andReturn().getResponse();
	}
}
