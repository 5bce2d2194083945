package com.coastline.portal.signin;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.coastline.portal.support.IdentityStub;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.PortalServiceTest;
import com.coastline.portal.support.ServicesStub;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The appointments page (the visits of all the client's projects, each in its own time zone) and the signed-in
 * pages' navigation, against project-service stood in for at its HTTP boundary, answering only the signed-in
 * client's JWT.
 */
@PortalServiceTest
class VisitPagesTest {

	private static final String SESSION_COOKIE = "__Host-coastline-portal-session";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	CircuitBreakerRegistry breakers;

	UUID workspace;

	String slug;

	String sessionId;

	String jwt;

	UUID kitchen;

	UUID deck;

	@BeforeEach
	void setUp() throws Exception {
		this.workspace = UUID.randomUUID();
		this.slug = slug("bay");
		new PortalFixture(this.mvc, this.jdbc, this.environment).activePortal(this.workspace, this.slug);
		this.sessionId = "session-" + UUID.randomUUID();
		this.jwt = IdentityStub.sessionLive(this.sessionId, this.workspace, UUID.randomUUID());
		this.kitchen = UUID.randomUUID();
		this.deck = UUID.randomUUID();
		this.breakers.circuitBreaker("project").reset();
		this.breakers.circuitBreaker("media").reset();
	}

	@Test
	void appointmentsOfAllProjectsInTheirOwnTimeZones() throws Exception {
		stubProjects();
		ServicesStub.json(this.jwt, visits(this.kitchen), """
				{"upcoming": [%s, %s], "past": [%s]}""".formatted(
				visit(this.kitchen, "2026-12-03T14:00:00Z", "2026-12-03T16:00:00Z", "America/New_York", "Dana <Crew>", "SCHEDULED"),
				visit(this.kitchen, "2026-12-10T14:00:00Z", "2026-12-10T15:00:00Z", "America/New_York", null, "SCHEDULED"),
				visit(this.kitchen, "2026-11-02T14:00:00Z", "2026-11-02T15:00:00Z", "America/New_York", "Sam", "COMPLETED")));
		ServicesStub.json(this.jwt, visits(this.deck), """
				{"upcoming": [%s], "past": [%s]}""".formatted(
				visit(this.deck, "2026-12-05T08:00:00Z", "2026-12-05T10:00:00Z", "Europe/London", "Alex", "SCHEDULED"),
				visit(this.deck, "2026-11-20T08:00:00Z", null, "Europe/London", null, "CANCELLED")));

		MockHttpServletResponse page = page("/p/" + this.slug + "/appointments");

		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		String first = "Thu 3 Dec 2026, 9:00 AM – 11:00 AM (America/New_York)";
		String second = "Sat 5 Dec 2026, 8:00 AM – 10:00 AM (Europe/London)";
		String third = "Thu 10 Dec 2026, 9:00 AM – 10:00 AM (America/New_York)";
		String latestPast = "Fri 20 Nov 2026, 8:00 AM (Europe/London)";
		String earliestPast = "Mon 2 Nov 2026, 9:00 AM – 10:00 AM (America/New_York)";
		assertThat(html).contains(first, second, third, latestPast, earliestPast)
			.contains("<time datetime=\"2026-12-03T14:00:00Z\">")
			.contains("Dana &lt;Crew&gt;")
			.contains("Kitchen &lt;remodel&gt;")
			.doesNotContain("Kitchen <remodel>")
			.contains("href=\"/p/" + this.slug + "/projects/" + this.deck + "\">Deck</a>")
			.contains("Alex</span> is coming")
			.contains("Completed")
			.contains("Cancelled")
			.doesNotContain("unavailable right now");
		assertThat(html.indexOf(first)).isLessThan(html.indexOf(second));
		assertThat(html.indexOf(second)).isLessThan(html.indexOf(third));
		assertThat(html.indexOf(third)).isLessThan(html.indexOf("Past</h2>"));
		assertThat(html.indexOf("Past</h2>")).isLessThan(html.indexOf(latestPast));
		assertThat(html.indexOf(latestPast)).isLessThan(html.indexOf(earliestPast));
		assertThat(html).contains("href=\"/p/" + this.slug + "/appointments\" aria-current=\"page\">Appointments</a>");
		assertThat(ServicesStub.requests(visits(this.deck))).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt));
	}

	@Test
	void friendlyEmptyStates() throws Exception {
		stubProjects();
		ServicesStub.json(this.jwt, visits(this.kitchen), "{\"upcoming\": [], \"past\": []}");
		ServicesStub.json(this.jwt, visits(this.deck), "{\"upcoming\": [], \"past\": []}");

		String html = page("/p/" + this.slug + "/appointments").getContentAsString();
		ServicesStub.json(this.jwt, "/portal/projects", "[]");
		String noProjects = page("/p/" + this.slug + "/appointments").getContentAsString();

		assertThat(html).contains("No visits are planned yet.").contains("No past visits.");
		assertThat(noProjects).contains("You have no projects here yet.").doesNotContain("No past visits.");
	}

	@Test
	void aProjectWhoseVisitsDoNotArriveIsNamedWhileTheOthersShow() throws Exception {
		stubProjects();
		ServicesStub.status(this.jwt, visits(this.kitchen), 503);
		ServicesStub.json(this.jwt, visits(this.deck), """
				{"upcoming": [%s], "past": []}""".formatted(
				visit(this.deck, "2026-12-05T08:00:00Z", "2026-12-05T10:00:00Z", "Europe/London", "Alex", "SCHEDULED")));

		MockHttpServletResponse page = page("/p/" + this.slug + "/appointments");

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString())
			.contains("The visits of Kitchen &lt;remodel&gt; are unavailable right now.")
			.contains("Sat 5 Dec 2026, 8:00 AM – 10:00 AM (Europe/London)");
	}

	@Test
	void projectServiceDownGreysOutThePage() throws Exception {
		ServicesStub.status(this.jwt, "/portal/projects", 503);

		MockHttpServletResponse page = page("/p/" + this.slug + "/appointments");

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Your appointments are unavailable right now")
			.contains(">Appointments</a>");
	}

	@Test
	void anotherClientsProjectsAreNotShownAndWithoutASessionItIsSignIn() throws Exception {
		String otherJwt = IdentityStub.sessionLive("session-" + UUID.randomUUID(), this.workspace, UUID.randomUUID());
		ServicesStub.json(otherJwt, "/portal/projects",
				"[{\"id\": \"%s\", \"name\": \"Their kitchen\", \"status\": \"LEAD\"}]".formatted(this.kitchen));
		ServicesStub.json(this.jwt, "/portal/projects", "[]");

		String mine = page("/p/" + this.slug + "/appointments").getContentAsString();
		MockHttpServletResponse signedOut = this.mvc.perform(get("/p/" + this.slug + "/appointments"))
			.andReturn()
			.getResponse();
		ServicesStub.status(this.jwt, "/portal/projects", 401);
		MockHttpServletResponse refused = page("/p/" + this.slug + "/appointments");

		assertThat(mine).doesNotContain("Their kitchen").contains("You have no projects here yet.");
		assertThat(signedOut.getStatus()).isEqualTo(302);
		assertThat(signedOut.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
		assertThat(refused.getStatus()).isEqualTo(302);
		assertThat(refused.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
	}

	@Test
	void signedInPagesHaveTheNavigationAndTheSignInPageHasNone() throws Exception {
		ServicesStub.json(this.jwt, "/portal/overview", """
				{"since": null, "changesSince": 0, "projects": [], "upcomingAppointments": [],
				 "estimatesAwaitingApproval": [], "openInvoices": []}""");
		ServicesStub.json(this.jwt, "/portal/projects/" + this.kitchen,
				"{\"id\": \"%s\", \"name\": \"Kitchen\", \"status\": \"LEAD\"}".formatted(this.kitchen));

		String home = page("/p/" + this.slug + "/").getContentAsString();
		String project = page("/p/" + this.slug + "/projects/" + this.kitchen).getContentAsString();
		String signIn = this.mvc.perform(get("/p/" + this.slug + "/sign-in"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		String base = "/p/" + this.slug;
		assertThat(home).contains("<nav class=\"portal-nav\" aria-label=\"Portal\">")
			.contains("<a href=\"" + base + "/\" aria-current=\"page\">Home</a>")
			.contains("<a href=\"" + base + "/invoices\">Invoices</a>")
			.contains("<a href=\"" + base + "/appointments\">Appointments</a>")
			.contains("<a href=\"" + base + "/documents\">Documents</a>");
		assertThat(project).contains("<nav class=\"portal-nav\" aria-label=\"Portal\">")
			.contains("<a href=\"" + base + "/\">Home</a>")
			.doesNotContain("aria-current");
		assertThat(signIn).contains("<form").doesNotContain("portal-nav").doesNotContain(">Appointments</a>");
	}

	private void stubProjects() {
		ServicesStub.json(this.jwt, "/portal/projects", """
				[{"id": "%s", "name": "Kitchen <remodel>", "address": "4 Elm St", "status": "IN_PROGRESS"},
				 {"id": "%s", "name": "Deck", "status": "LEAD"}]""".formatted(this.kitchen, this.deck));
	}

	private static String visits(UUID project) {
		return "/portal/projects/" + project + "/appointments";
	}

	private static String visit(UUID project, String startsAt, String endsAt, String zone, String who, String status) {
		return """
				{"id": "%s", "projectId": "%s", "startsAt": "%s", "endsAt": %s, "timeZone": "%s", "assigneeName": %s, "status": "%s"}"""
			.formatted(UUID.randomUUID(), project, startsAt, (endsAt != null) ? "\"" + endsAt + "\"" : "null", zone,
					(who != null) ? "\"" + who + "\"" : "null", status);
	}

	private MockHttpServletResponse page(String path) throws Exception {
		return this.mvc.perform(get(path).cookie(new Cookie(SESSION_COOKIE, this.sessionId))).andReturn().getResponse();
	}
}
