package com.coastline.portal.signin;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.coastline.portal.support.PortalFixture.slug;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The estimate page and its three answers against project-service stood in for at its HTTP boundary: what is
 * shown (escaped), what each answer sends (and that nothing is sent without the CSRF token or with an invalid
 * form), and what the client sees when project-service refuses or fails.
 */
@PortalServiceTest
class EstimatePagesTest {

	private static final String SESSION_COOKIE = "__Host-coastline-portal-session";

	private static final String CSRF_COOKIE = "__Host-coastline-portal-csrf";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String USER_AGENT = "Mozilla/5.0 (Estimate test)";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	CircuitBreakerRegistry breakers;

	String slug;

	String sessionId;

	String jwt;

	UUID workspace;

	UUID project;

	UUID estimate;

	String page;

	@BeforeEach
	void setUp() throws Exception {
		this.workspace = UUID.randomUUID();
		this.slug = slug("ridge");
		new PortalFixture(this.mvc, this.jdbc, this.environment).activePortal(this.workspace, this.slug);
		this.sessionId = "session-" + UUID.randomUUID();
		this.jwt = IdentityStub.sessionLive(this.sessionId, this.workspace, UUID.randomUUID());
		this.project = UUID.randomUUID();
		this.estimate = UUID.randomUUID();
		this.page = "/p/" + this.slug + "/estimates/" + this.estimate;
		this.breakers.circuitBreaker("project").reset();
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project, """
				{"id": "%s", "name": "Roof & <gutters>", "address": "12 Harbor Rd", "status": "ESTIMATING"}
				""".formatted(this.project));
	}

	@Test
	void theEstimateShowsItsLinesTotalsAndTheThreeFormsEscaped() throws Exception {
		stubEstimate("SENT", "null");

		MockHttpServletResponse response = open(this.page);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("<h1>New roof &lt;premium&gt;</h1>")
			.doesNotContain("<premium>")
			.contains("Roof &amp; &lt;gutters&gt;")
			.contains("href=\"/p/" + this.slug + "/projects/" + this.project + "\"")
			.contains("Tear-off &amp; disposal")
			.contains("2.5 × $1,200.00 · tax 8.25%")
			.contains("$3,247.50")
			.contains("$12,345.50")
			.contains("valid until <span>15 Dec 2026</span>")
			.contains("Waiting for your answer")
			.contains("Version 2")
			.contains("action=\"/p/" + this.slug + "/estimates/" + this.estimate + "/approve\"")
			.contains("action=\"/p/" + this.slug + "/estimates/" + this.estimate + "/decline\"")
			.contains("action=\"/p/" + this.slug + "/estimates/" + this.estimate + "/request-changes\"")
			.contains("<label for=\"signed-name\">Type your full name to sign</label>")
			.contains("id=\"signed-name\" name=\"signedName\"")
			.contains("name=\"version\" value=\"2\"")
			.contains(">Approve estimate</button>")
			.contains(">Decline estimate</button>")
			.contains(">Request changes</button>")
			.contains("name=\"message\"")
			.doesNotContain("aria-invalid");
		assertThat(ServicesStub.requests("/portal/estimates/" + this.estimate)).last()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt));
	}

	@Test
	void approvingSendsTheTypedNameTheVersionAndTheBrowserThenConfirms() throws Exception {
		stubEstimate("SENT", "null");
		ServicesStub.postJson(this.jwt, approve(), 200, estimateJson("APPROVED", approval()));
		Form form = form();

		MockHttpServletResponse approved = form.submit(this.page + "/approve", "signedName", "  Jo <Client>  ", "version", "2");

		assertThat(approved.getStatus()).isEqualTo(303);
		assertThat(approved.getHeader("Location")).isEqualTo(this.page + "?approved");
		ServicesStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(approve())).withRequestBody(equalToJson("""
				{"version": 2, "signedName": "Jo <Client>", "ip": "127.0.0.1", "userAgent": "%s"}
				""".formatted(USER_AGENT))));
		assertThat(ServicesStub.postRequests(approve())).last()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt));

		stubEstimate("APPROVED", approval());
		String html = open(this.page + "?approved").getContentAsString();
		assertThat(html).contains("Thank you. You approved this estimate.")
			.contains("Approved by Jo &lt;Client&gt; on 28 Nov 2026, 4:05 PM UTC")
			.contains("href=\"/p/" + this.slug + "/estimates/" + this.estimate + "/versions/2/evidence.pdf\"")
			.doesNotContain("Approve estimate")
			.doesNotContain("Decline estimate");
	}

	@Test
	void anEmptyNameShowsTheFormAgainWithTheErrorAndSendsNothing() throws Exception {
		stubEstimate("SENT", "null");
		Form form = form();

		MockHttpServletResponse refused = form.submit(this.page + "/approve", "signedName", "   ", "version", "2");
		MockHttpServletResponse oneLetter = form.submit(this.page + "/approve", "signedName", "J", "version", "2");

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"signed-name-error\"")
			.contains("Type your full name (at least 2 characters) to sign the approval.")
			.contains("aria-describedby=\"signed-name-hint signed-name-error\"")
			.contains("aria-invalid=\"true\"")
			.contains(">Approve estimate</button>");
		assertThat(oneLetter.getStatus()).isEqualTo(422);
		assertThat(oneLetter.getContentAsString()).contains("value=\"J\"");
		assertThat(ServicesStub.postRequests(approve())).isEmpty();
	}

	@Test
	void everyAnswerNeedsTheCsrfToken() throws Exception {
		stubEstimate("SENT", "null");
		for (String action : new String[] { "/approve", "/decline", "/request-changes" }) {
			MockHttpServletResponse response = this.mvc
				.perform(post(this.page + action).cookie(new Cookie(SESSION_COOKIE, this.sessionId))
					.param("signedName", "Jo Client")
					.param("message", "Hello")
					.param("version", "2"))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(403);
			assertThat(response.getContentAsString()).contains("This form has expired");
			assertThat(ServicesStub.postRequests("/portal/estimates/" + this.estimate + action)).isEmpty();
		}
	}

	@Test
	void aVersionNoLongerCurrentShowsTheEstimateAgainWithAMessage() throws Exception {
		stubEstimate("SENT", "null");
		ServicesStub.postProblem(this.jwt, approve(), 409, "Version 2 is no longer the current one");
		Form form = form();

		MockHttpServletResponse conflict = form.submit(this.page + "/approve", "signedName", "Jo Client", "version", "2");

		assertThat(conflict.getStatus()).isEqualTo(409);
		assertThat(conflict.getContentAsString()).contains("This estimate has changed or has already been answered")
			.contains("role=\"alert\"")
			.contains("<h1>New roof &lt;premium&gt;</h1>");
		assertThat(ServicesStub.postRequests(approve())).hasSize(1);
	}

	@Test
	void anAnswerProjectServiceCouldNotTakeKeepsWhatWasTyped() throws Exception {
		stubEstimate("SENT", "null");
		ServicesStub.postProblem(this.jwt, approve(), 503, "Down");
		Form form = form();

		MockHttpServletResponse down = form.submit(this.page + "/approve", "signedName", "Jo Client", "version", "2");

		ServicesStub.postProblem(this.jwt, approve(), 400, "ip: must be an IP address");
		MockHttpServletResponse refused = form.submit(this.page + "/approve", "signedName", "Jo Client", "version", "2");

		assertThat(down.getStatus()).isEqualTo(503);
		assertThat(down.getContentAsString()).contains("Your answer could not be sent right now. Please try again in a moment.")
			.contains("value=\"Jo Client\"");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("Your answer could not be accepted.");
	}

	@Test
	void aGarbledVersionSendsNothing() throws Exception {
		stubEstimate("SENT", "null");
		Form form = form();

		MockHttpServletResponse response = form.submit(this.page + "/approve", "signedName", "Jo Client", "version", "two");

		assertThat(response.getStatus()).isEqualTo(303);
		assertThat(response.getHeader("Location")).isEqualTo(this.page);
		assertThat(ServicesStub.postRequests(approve())).isEmpty();
	}

	@Test
	void decliningSendsTheOptionalMessage() throws Exception {
		stubEstimate("SENT", "null");
		String decline = "/portal/estimates/" + this.estimate + "/decline";
		ServicesStub.postJson(this.jwt, decline, 200, estimateJson("DECLINED", "null"));
		Form form = form();

		MockHttpServletResponse declined = form.submit(decline.replace("/portal", "/p/" + this.slug), "message",
				"Too expensive <sorry>", "version", "2");

		assertThat(declined.getStatus()).isEqualTo(303);
		assertThat(declined.getHeader("Location")).isEqualTo(this.page + "?declined");
		ServicesStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(decline))
			.withRequestBody(equalToJson("{\"version\": 2, \"message\": \"Too expensive <sorry>\"}")));
	}

	@Test
	void askingForChangesNeedsAMessage() throws Exception {
		stubEstimate("SENT", "null");
		String changes = "/portal/estimates/" + this.estimate + "/request-changes";
		ServicesStub.postJson(this.jwt, changes, 200, estimateJson("CHANGES_REQUESTED", "null"));
		Form form = form();
		String action = this.page + "/request-changes";

		MockHttpServletResponse empty = form.submit(action, "message", " ", "version", "2");

		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat(empty.getContentAsString()).contains("Tell your contractor what you would like changed.")
			.contains("aria-describedby=\"changes-message-error\"");
		assertThat(ServicesStub.postRequests(changes)).isEmpty();

		MockHttpServletResponse sent = form.submit(action, "message", "Use grey shingles", "version", "2");

		assertThat(sent.getStatus()).isEqualTo(303);
		assertThat(sent.getHeader("Location")).isEqualTo(this.page + "?changes-requested");
		ServicesStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(changes))
			.withRequestBody(equalToJson("{\"version\": 2, \"message\": \"Use grey shingles\"}")));
	}

	@Test
	void anotherClientsOrAnUnknownEstimateIsTheNotFoundPage() throws Exception {
		String otherJwt = IdentityStub.sessionLive("session-" + UUID.randomUUID(), this.workspace, UUID.randomUUID());
		ServicesStub.json(otherJwt, "/portal/estimates/" + this.estimate, estimateJson("SENT", "null"));

		MockHttpServletResponse theirs = open(this.page);
		MockHttpServletResponse malformed = open("/p/" + this.slug + "/estimates/not-an-id");

		assertThat(theirs.getStatus()).isEqualTo(404);
		assertThat(theirs.getContentAsString()).contains("Page not found").doesNotContain("New roof");
		assertThat(malformed.getStatus()).isEqualTo(404);
	}

	@Test
	void answeringAnotherClientsEstimateIsTheNotFoundPage() throws Exception {
		stubEstimate("SENT", "null");
		Form form = form();
		UUID theirs = UUID.randomUUID();

		MockHttpServletResponse response = form.submit("/p/" + this.slug + "/estimates/" + theirs + "/approve",
				"signedName", "Jo Client", "version", "1");

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).contains("Page not found");
	}

	@Test
	void projectServiceDownIsTheTryAgainPage() throws Exception {
		ServicesStub.status(this.jwt, "/portal/estimates/" + this.estimate, 503);

		MockHttpServletResponse response = open(this.page);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).contains("Please try again");
	}

	@Test
	void theApprovalRecordIsRelayedAsAPdf() throws Exception {
		byte[] pdf = "%PDF-1.7 evidence".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		ServicesStub.bytes(this.jwt, "/portal/estimates/" + this.estimate + "/versions/2/evidence.pdf", "application/pdf",
				pdf);

		MockHttpServletResponse download = open(this.page + "/versions/2/evidence.pdf");
		MockHttpServletResponse other = open(this.page + "/versions/1/evidence.pdf");

		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).isEqualTo("application/pdf");
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
		assertThat(other.getStatus()).isEqualTo(404);
	}

	@Test
	void withoutASessionTheEstimateSendsToSignIn() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(this.page)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
		assertThat(ServicesStub.requests("/portal/estimates/" + this.estimate)).isEmpty();
	}

	private String approve() {
		return "/portal/estimates/" + this.estimate + "/approve";
	}

	private void stubEstimate(String status, String approval) {
		ServicesStub.json(this.jwt, "/portal/estimates/" + this.estimate, estimateJson(status, approval));
	}

	private String estimateJson(String status, String approval) {
		return """
				{"id": "%1$s", "projectId": "%2$s", "currency": "USD", "status": "%3$s",
				 "version": {"number": 2, "status": "%3$s", "title": "New roof <premium>", "notes": null,
				   "validUntil": "2026-12-15",
				   "lineItems": [{"lineNumber": 1, "description": "Tear-off & disposal", "quantity": 2.500,
				     "unitPriceMinor": 120000, "taxRateBasisPoints": 825, "netMinor": 300000, "taxMinor": 24750, "totalMinor": 324750}],
				   "subtotalMinor": 1140000, "taxMinor": 94550, "totalMinor": 1234550, "createdAt": "2026-11-20T10:00:00Z",
				   "sentAt": "2026-11-20T10:00:00Z", "answeredAt": null, "answeredByContactId": null,
				   "clientMessage": null, "approval": %4$s}}
				""".formatted(this.estimate, this.project, status, approval);
	}

	private static String approval() {
		return """
				{"signerContactId": "%s", "signedName": "Jo <Client>", "approvedAt": "2026-11-28T16:05:00Z",
				 "ip": "127.0.0.1", "userAgent": "test", "contentSha256": "ab"}
				""".formatted(UUID.randomUUID());
	}

	private MockHttpServletResponse open(String path) throws Exception {
		return this.mvc.perform(get(path).cookie(new Cookie(SESSION_COOKIE, this.sessionId)))
			.andReturn()
			.getResponse();
	}

	/** The estimate page as a browser reads it: its CSRF token and cookie, for the forms. */
	private Form form() throws Exception {
		MockHttpServletResponse page = open(this.page);
		Matcher field = CSRF_FIELD.matcher(page.getContentAsString());
		assertThat(field.find()).as("a CSRF field on the page").isTrue();
		Cookie csrf = page.getCookie(CSRF_COOKIE);
		assertThat(csrf).isNotNull();
		return new Form(field.group(1), csrf.getValue());
	}

	private final class Form {

		private final String token;

		private final String cookie;

		Form(String token, String cookie) {
			this.token = token;
			this.cookie = cookie;
		}

		MockHttpServletResponse submit(String path, String... fields) throws Exception {
			MockHttpServletRequestBuilder request = post(path)
				.cookie(new Cookie(SESSION_COOKIE, EstimatePagesTest.this.sessionId), new Cookie(CSRF_COOKIE, this.cookie))
				.header("User-Agent", USER_AGENT)
				.param("_csrf", this.token);
			for (int i = 0; i < fields.length; i += 2) {
				request.param(fields[i], fields[i + 1]);
			}
			return EstimatePagesTest.this.mvc.perform(request).andReturn().getResponse();
		}
	}
}
