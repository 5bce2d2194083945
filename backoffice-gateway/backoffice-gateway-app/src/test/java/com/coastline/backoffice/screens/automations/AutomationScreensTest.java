package com.coastline.backoffice.screens.automations;

import java.util.UUID;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.CsrfTokens;
import com.coastline.backoffice.support.IdentityStub;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ServiceAnswers;
import com.coastline.backoffice.support.ServicesStub;
import com.coastline.backoffice.support.SignedInScreens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.routing.BackOfficeService.AUTOMATION;
import static com.coastline.backoffice.routing.BackOfficeService.PROJECT;
import static com.coastline.backoffice.support.SignedInScreens.SESSION_COOKIE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The automation screens against automation- and project-service at their HTTP boundary: what the pages show of
 * the services' answers, the JSON they send (with the member's staff JWT), the services' refusals by the field,
 * 404s for other workspaces' ids, the "unavailable" page, sign-in and CSRF.
 */
@BackofficeGatewayTest
class AutomationScreensTest {

	private static final String TEMPLATES = """
			[{"id": "%s", "name": "Project approved: welcome to your portal",
			  "subject": "Your project is approved: here is your portal",
			  "body": "Hello {{client.first_name}},\\n{{portal.link}}", "suggestedTrigger": "PROJECT_APPROVED",
			  "starter": "project-approved", "version": 0}]""";

	private static final String DYNAMIC_VALUES = """
			[{"name": "client.first_name", "token": "{{client.first_name}}", "label": "Client first name",
			  "description": "First name of the project's primary contact."},
			 {"name": "portal.link", "token": "{{portal.link}}", "label": "Customer portal link",
			  "description": "A personal sign-in link to the client's portal."}]""";

	@Autowired
	MockMvc mvc;

	@Autowired
	CircuitBreakerRegistry breakers;

	StaffMember member;

	UUID templateId;

	/**
	 * The screens share the routes' circuit breakers, and the context is shared: no circuit another test opened
	 * (or filled with failures) decides these pages, and none of these tests' failures decides another's.
	 */
	@BeforeEach
	@AfterEach
	void closedCircuits() {
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@BeforeEach
	void signedIn() {
		this.member = IdentityStub.staffSession("owner-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");
		this.templateId = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/email-templates")), 200,
				TEMPLATES.formatted(this.templateId));
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/dynamic-values")), 200, DYNAMIC_VALUES);
	}

	@Test
	void theListShowsEachAutomationWithItsTriggerItsSwitchAndItsLastRunFromTheListAlone() throws Exception {
		UUID welcome = UUID.randomUUID();
		UUID reminder = UUID.randomUUID();
		String failedRun = """
				{"id": "%s", "status": "FAILED", "startedAt": "2026-11-28T10:15:00Z", "finishedAt": null}"""
			.formatted(UUID.randomUUID());
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations")), 200,
				"[" + automation(welcome, "Welcome to the portal", "PROJECT_APPROVED", true, failedRun) + ", "
						+ automation(reminder, "Overdue <reminder>", "INVOICE_OVERDUE", false, "null") + "]");

		this.mvc.perform(get("/automations").cookie(session()))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().string(allOf(containsString("Welcome to the portal"), containsString("Project approved"),
					containsString("Overdue &lt;reminder&gt;"), containsString("Invoice overdue"),
					containsString(">On<"), containsString(">Off<"), containsString(">Failed<"),
					containsString("28 Nov 2026, 10:15 UTC"), containsString("Not run yet"),
					containsString("href=\"/automations/" + welcome + "/runs\""),
					containsString("href=\"/automations/" + welcome + "\""))));
		// One call for the whole list: no automation's runs are asked for.
		for (UUID id : new UUID[] { welcome, reminder }) {
			server().verify(0, getRequestedFor(urlPathEqualTo("/api/automations/" + id + "/runs")));
		}
	}

	@Test
	void theNewFormOffersTheTemplateLibraryAndTheDynamicValuesWithTheirNamesAndItsScript() throws Exception {
		this.mvc.perform(get("/automations/new").cookie(session()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Project approved: welcome to your portal"),
					containsString("value=\"" + this.templateId + "\""), containsString("{{portal.link}}"),
					containsString("Customer portal link"), containsString("{{client.first_name}}"),
					containsString("src=\"/assets/automations.js\""), containsString("name=\"_csrf\""),
					not(containsString("<script>")), not(containsString("style=\"")))));
	}

	@Test
	void creatingPostsTheAutomationAsJsonWithTheStaffJwtAndOpensIt() throws Exception {
		UUID created = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automations")), 201,
				automation(created, "Welcome", "PROJECT_APPROVED", true));

		this.mvc.perform(post("/automations").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("name", "  Welcome ")
			.param("trigger", "PROJECT_APPROVED")
			.param("enabled", "true")
			.param("templateId", this.templateId.toString())
			.param("subject", "Your portal, {{client.first_name}}")
			.param("body", "Hello,\n{{portal.link}}"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/automations/" + created + "?saved"));

		server().verify(postRequestedFor(urlPathEqualTo("/api/automations"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt()))
			.withRequestBody(equalToJson("""
					{"name": "Welcome", "trigger": "PROJECT_APPROVED", "enabled": true,
					 "actions": [{"type": "SEND_EMAIL", "subject": "Your portal, {{client.first_name}}",
					              "body": "Hello,\\n{{portal.link}}", "templateId": "%s"}]}""".formatted(this.templateId))));
	}

	@Test
	void aTemplatePickedWithoutSubjectAndBodyIsCopiedByTheServiceAndAnUncheckedSwitchIsOff() throws Exception {
		UUID created = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automations")), 201,
				automation(created, "From the library", "PROJECT_APPROVED", false));

		this.mvc.perform(post("/automations").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("name", "From the library")
			.param("trigger", "PROJECT_APPROVED")
			.param("templateId", this.templateId.toString())
			.param("subject", "")
			.param("body", " "))
			.andExpect(status().isFound());

		server().verify(postRequestedFor(urlPathEqualTo("/api/automations"))
			.withRequestBody(equalToJson("""
					{"name": "From the library", "trigger": "PROJECT_APPROVED", "enabled": false,
					 "actions": [{"type": "SEND_EMAIL", "templateId": "%s"}]}""".formatted(this.templateId))));
	}

	@Test
	void anUnknownDynamicValueShowsTheServicesMessageByTheBodyAndKeepsWhatWasTyped() throws Exception {
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automations")), 422, """
				{"type": "tag:coastline.app,2026:problem:unprocessable", "status": 422,
				 "detail": "The email's body uses an unknown dynamic value {{client.frist_name}} (did you mean {{client.first_name}}?). Known values: {{client.first_name}}, {{portal.link}}."}""");

		this.mvc.perform(post("/automations").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("name", "Typo")
			.param("trigger", "PROJECT_APPROVED")
			.param("enabled", "true")
			.param("subject", "Hello")
			.param("body", "Hi {{client.frist_name}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(
					matchesPattern("(?s).*id=\"body\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"body-error\".*"),
					containsString("<p class=\"field-error\" id=\"body-error\">The email&#39;s body uses an unknown "
							+ "dynamic value {{client.frist_name}} (did you mean {{client.first_name}}?)"),
					containsString(">Hi {{client.frist_name}}</textarea>"), containsString("value=\"Typo\""),
					not(containsString("id=\"subject-error\"")))));
	}

	@Test
	void validationErrorsOfTheServiceShowByTheirFields() throws Exception {
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automations")), 400, """
				{"type": "tag:coastline.app,2026:problem:validation-failed", "status": 400,
				 "errors": [{"field": "name", "message": "must not be blank"},
				            {"field": "actions[0].content", "message": "give subject and body, or a templateId"}]}""");

		this.mvc.perform(post("/automations").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("name", " ")
			.param("trigger", "PROJECT_APPROVED")
			.param("subject", "Only a subject"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\">Name must not be blank.</p>"),
					containsString("id=\"subject-error\">Write a subject and a body, or choose a template.</p>"))));
	}

	@Test
	void anUnknownTriggerIsRefusedWithoutAskingTheService() throws Exception {
		this.mvc.perform(post("/automations").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("name", "Odd")
			.param("trigger", "MOON_FULL"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"trigger-error\">Choose what starts the automation.")));

		server().verify(0, postRequestedFor(urlPathEqualTo("/api/automations"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt())));
	}

	@Test
	void editingPutsTheChangeWithTheVersionReadAndAStaleVersionSaysSomeoneElseChangedIt() throws Exception {
		UUID id = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + id)), 200,
				automation(id, "Welcome", "PROJECT_APPROVED", true));
		this.mvc.perform(get("/automations/" + id).cookie(session()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"Welcome\""), containsString("name=\"version\" value=\"3\""),
					containsString("Your project is approved"), containsString("Project approved"),
					containsString("href=\"/automations/" + id + "/preview\""),
					containsString("href=\"/automations/" + id + "/runs\""),
					containsString("href=\"/automations/" + id + "\" aria-current=\"page\">Settings</a>"),
					not(containsString("name=\"trigger\"")))));

		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.put(urlPathEqualTo("/api/automations/" + id)), 200,
				automation(id, "Welcome back", "PROJECT_APPROVED", false));
		this.mvc.perform(post("/automations/" + id).cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("name", "Welcome back")
			.param("version", "3")
			.param("subject", "Welcome")
			.param("body", "Hello {{client.first_name}}"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/automations/" + id + "?saved"));
		server().verify(putRequestedFor(urlPathEqualTo("/api/automations/" + id))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt()))
			.withRequestBody(equalToJson("""
					{"name": "Welcome back", "enabled": false, "version": 3,
					 "actions": [{"type": "SEND_EMAIL", "subject": "Welcome", "body": "Hello {{client.first_name}}"}]}""")));

		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.put(urlPathEqualTo("/api/automations/" + id)), 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, \"detail\": \"stale\"}");
		this.mvc.perform(post("/automations/" + id).cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("name", "Welcome again")
			.param("version", "2")
			.param("subject", "Welcome")
			.param("body", "Hello"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Someone changed this automation while you were editing it."),
					containsString("value=\"Welcome again\""))));
	}

	@Test
	void thePreviewRendersTheEmailForTheChosenProject() throws Exception {
		UUID id = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + id)), 200,
				automation(id, "Welcome", "PROJECT_APPROVED", true));
		ServiceAnswers.answer(PROJECT, this.member, WireMock.get(urlPathEqualTo("/api/projects")), 200,
				"[{\"id\": \"" + project + "\", \"name\": \"Kitchen remodel\", \"address\": \"1 Harbour Road\", "
						+ "\"status\": \"APPROVED\"}]");
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automations/" + id + "/preview"))
			.withRequestBody(matchingJsonPath("$.projectId", equalTo(project.toString()))), 200, """
				{"recipientEmail": "dana@example.com", "recipientName": "Dana Reyes",
				 "subject": "Your project is approved: here is your portal",
				 "text": "Hello Dana,\\nhttp://localhost:8080/harbour <b>", "html": "<p>ignored</p>"}""");

		this.mvc.perform(get("/automations/" + id + "/preview").cookie(session()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Kitchen remodel (1 Harbour Road)"),
					not(containsString("The email as your client would get it")))));

		this.mvc.perform(get("/automations/" + id + "/preview").cookie(session()).param("projectId", project.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Dana Reyes &lt;dana@example.com&gt;"),
					containsString("Your project is approved: here is your portal"),
					containsString("Hello Dana,\nhttp://localhost:8080/harbour &lt;b&gt;"),
					not(containsString("<p>ignored</p>")), containsString("Send me a test email"))));
	}

	@Test
	void anotherWorkspacesProjectIsRefusedByThePreviewAndTheTestEmail() throws Exception {
		UUID id = UUID.randomUUID();
		UUID foreignProject = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + id)), 200,
				automation(id, "Welcome", "PROJECT_APPROVED", true));
		ServiceAnswers.answer(PROJECT, this.member, WireMock.get(urlPathEqualTo("/api/projects")), 200, "[]");
		ServiceAnswers.answer(AUTOMATION, this.member,
				WireMock.post(urlPathEqualTo("/api/automations/" + id + "/preview")), 404, ServiceAnswers.notFound());
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automations/" + id + "/test")),
				404, ServiceAnswers.notFound());

		this.mvc.perform(get("/automations/" + id + "/preview").cookie(session())
			.param("projectId", foreignProject.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That project is not in your workspace.")));
		this.mvc.perform(post("/automations/" + id + "/test").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("projectId", foreignProject.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("That project is not in your workspace."),
					not(containsString("A test email is on its way")))));
		this.mvc.perform(get("/automations/" + id + "/preview").cookie(session()).param("projectId", "nonsense"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a project to preview with.")));
	}

	@Test
	void aTestEmailIsSentThroughTheTestEndpointToTheMembersOwnAddress() throws Exception {
		UUID id = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + id)), 200,
				automation(id, "Welcome", "PROJECT_APPROVED", true));
		ServiceAnswers.answer(PROJECT, this.member, WireMock.get(urlPathEqualTo("/api/projects")), 200, "[]");
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automations/" + id + "/preview")), 200,
				"{\"recipientEmail\": \"dana@example.com\", \"subject\": \"Hi\", \"text\": \"Hello\"}");
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automations/" + id + "/test")), 202,
				"{\"idempotencyKey\": \"automation-test:1\"}");

		this.mvc.perform(post("/automations/" + id + "/test").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField())
			.param("projectId", project.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A test email is on its way to <strong>" + this.member.email() + "</strong>")));

		server().verify(postRequestedFor(urlPathEqualTo("/api/automations/" + id + "/test"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt()))
			.withRequestBody(equalToJson("{\"projectId\": \"" + project + "\"}")));
	}

	@Test
	void theRunHistoryShowsStatusAttemptsAndOutcomeAndRetriesAFailedRun() throws Exception {
		UUID id = UUID.randomUUID();
		UUID failed = UUID.randomUUID();
		UUID sent = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + id)), 200,
				automation(id, "Welcome", "PROJECT_APPROVED", true));
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + id + "/runs")), 200,
				"[" + run(failed, id, "FAILED", 25, "identity-service unavailable") + ", "
						+ run(sent, id, "SENT", 1, null) + "]");

		this.mvc.perform(get("/automations/" + id + "/runs").cookie(session()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">Failed<"), containsString(">Sent<"),
					containsString(">25<"), containsString("identity-service unavailable"),
					containsString("/runs\" aria-current=\"page\">Run history</a>"),
					containsString("action=\"/automations/" + id + "/runs/" + failed + "/retry\""),
					not(containsString("/runs/" + sent + "/retry")))));

		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automation-runs/" + failed)), 200,
				run(failed, id, "FAILED", 25, "identity-service unavailable"));
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automation-runs/" + failed + "/retry")),
				200, run(failed, id, "PENDING", 0, null));
		this.mvc.perform(post("/automations/" + id + "/runs/" + failed + "/retry").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/automations/" + id + "/runs?retried"));
		server().verify(postRequestedFor(urlPathEqualTo("/api/automation-runs/" + failed + "/retry"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt())));

		this.mvc.perform(get("/automations/" + id + "/runs").cookie(session()).param("retried", ""))
			.andExpect(content().string(containsString("The run was started again.")));
	}

	@Test
	void aRunThatMovedOnIsNotRetriedAgainAndSaysSo() throws Exception {
		UUID id = UUID.randomUUID();
		UUID runId = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + id)), 200,
				automation(id, "Welcome", "PROJECT_APPROVED", true));
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + id + "/runs")), 200,
				"[" + run(runId, id, "PENDING", 0, null) + "]");
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automation-runs/" + runId)), 200,
				run(runId, id, "PENDING", 0, null));
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.post(urlPathEqualTo("/api/automation-runs/" + runId + "/retry")),
				409, "{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409}");

		this.mvc.perform(post("/automations/" + id + "/runs/" + runId + "/retry").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Only a failed or skipped run can be retried")));
	}

	@Test
	void anotherWorkspacesAutomationOrRunIsTheNotFoundPage() throws Exception {
		UUID foreign = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + foreign)), 404,
				ServiceAnswers.notFound());

		for (String path : new String[] { "/automations/" + foreign, "/automations/" + foreign + "/runs",
				"/automations/" + foreign + "/preview", "/automations/not-a-uuid" }) {
			this.mvc.perform(get(path).cookie(session()))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("This page is not here")));
		}

		UUID own = UUID.randomUUID();
		UUID otherRun = UUID.randomUUID();
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations/" + own)), 200,
				automation(own, "Welcome", "PROJECT_APPROVED", true));
		ServiceAnswers.answer(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automation-runs/" + otherRun)), 404,
				ServiceAnswers.notFound());
		this.mvc.perform(post("/automations/" + own + "/runs/" + otherRun + "/retry").cookie(session())
			.with(CsrfTokens.fetch(this.mvc).asField()))
			.andExpect(status().isNotFound());
		server().verify(0, postRequestedFor(urlPathEqualTo("/api/automation-runs/" + otherRun + "/retry")));
	}

	@Test
	void withoutASessionEveryScreenGoesToSignIn() throws Exception {
		int before = server().findAll(anyRequestedFor(anyUrl())).size();
		for (String path : new String[] { "/automations", "/automations/new", "/automations/" + UUID.randomUUID() }) {
			this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
		}
		this.mvc.perform(get("/automations").cookie(new Cookie(SESSION_COOKIE, "session-ended")))
			.andExpect(redirectedUrl("/sign-in"));
		assertThat(server().findAll(anyRequestedFor(anyUrl()))).hasSize(before);
	}

	@Test
	void aServiceThatIsDownIsTheUnavailablePageNotAnError() throws Exception {
		ServiceAnswers.down(AUTOMATION, this.member, WireMock.get(urlPathEqualTo("/api/automations")));

		this.mvc.perform(get("/automations").cookie(session()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
			.andExpect(content().string(allOf(containsString("This page is unavailable right now"),
					containsString("<span>automation</span>"))));
	}

	@Test
	void identityDownIsTheUnavailablePageToo() throws Exception {
		StaffMember stranded = new StaffMember("session-identity-down-" + UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "x@harbour.test");
		IdentityStub.SERVER.stubFor(WireMock.post(urlPathEqualTo("/internal/staff/sessions/token")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.sessionId", equalTo(stranded.sessionId())))
			.willReturn(aResponse().withStatus(503)));

		this.mvc.perform(get("/automations").cookie(SignedInScreens.session(stranded)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("This page is unavailable right now")));
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
		this.mvc.perform(post("/automations").cookie(session())
			.param("name", "Sneaky")
			.param("trigger", "PROJECT_APPROVED")
			.param("subject", "s")
			.param("body", "b"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("This form has expired")));
		this.mvc.perform(post("/automations/" + UUID.randomUUID() + "/runs/" + UUID.randomUUID() + "/retry")
			.cookie(session()))
			.andExpect(status().isForbidden());

		server().verify(0, postRequestedFor(urlPathEqualTo("/api/automations"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt())));
	}

	private Cookie session() {
		return SignedInScreens.session(this.member);
	}

	private static WireMockServer server() {
		return ServicesStub.of(AUTOMATION);
	}

	private static String automation(UUID id, String name, String trigger, boolean enabled) {
		return automation(id, name, trigger, enabled, "null");
	}

	/** @param lastRun the JSON of its {@code lastRun} */
	private static String automation(UUID id, String name, String trigger, boolean enabled, String lastRun) {
		return """
				{"id": "%s", "name": "%s", "trigger": "%s", "enabled": %s,
				 "actions": [{"type": "SEND_EMAIL", "subject": "Your project is approved",
				              "body": "Hello {{client.first_name}}", "templateId": null}],
				 "createdBy": "staff", "createdAt": "2026-11-20T09:00:00Z", "updatedBy": "staff",
				 "updatedAt": "2026-11-20T09:00:00Z", "version": 3, "lastRun": %s}""".formatted(id, name, trigger,
				enabled, lastRun);
	}

	private static String run(UUID id, UUID automationId, String status, int attempts, String lastError) {
		return """
				{"id": "%s", "automationId": "%s", "trigger": "PROJECT_APPROVED", "triggerEventId": "%s",
				 "projectId": "%s", "contactId": null, "status": "%s", "attempts": %d, "nextAttemptAt": null,
				 "lastError": %s, "retries": 0, "emailIdempotencyKey": null, "startedAt": "2026-11-28T10:15:00Z",
				 "finishedAt": null, "failureReason": null}""".formatted(id, automationId, UUID.randomUUID(),
				UUID.randomUUID(), status, attempts, (lastError != null) ? "\"" + lastError + "\"" : "null");
	}
}
