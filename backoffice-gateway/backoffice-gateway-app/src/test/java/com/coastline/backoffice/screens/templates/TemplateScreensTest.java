package com.coastline.backoffice.screens.templates;

import java.util.UUID;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import com.coastline.backoffice.support.ServiceAnswers;
import com.coastline.backoffice.support.SignedInScreens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.routing.BackOfficeService.AUTOMATION;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
 * The email template library's screens against automation-service at its HTTP boundary: what the pages show of
 * its answers, the JSON they send (with the member's staff JWT), its refusals by the field, a stale version, 404s
 * for other workspaces' ids, sign-in and CSRF.
 */
@BackofficeGatewayTest
class TemplateScreensTest {

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

	@BeforeEach
	@AfterEach
	void closedCircuits() {
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@BeforeEach
	void signedIn() {
		this.member = SignedInScreens.member();
		ScreenStubs.answer(AUTOMATION, this.member, "GET", "/api/dynamic-values", 200, DYNAMIC_VALUES);
	}

	@Test
	void theLibraryShowsNameSuggestedTriggerAndSubjectWithTheStartersMarked() throws Exception {
		UUID starter = UUID.randomUUID();
		UUID own = UUID.randomUUID();
		ScreenStubs.answer(AUTOMATION, this.member, "GET", "/api/email-templates", 200, "["
				+ template(starter, "Project approved: welcome", "PROJECT_APPROVED", "\"project-approved\"", 0) + ", "
				+ template(own, "Our <own> note", null, "null", 2) + "]");

		this.mvc.perform(get("/templates").cookie(SignedInScreens.session(this.member)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().string(allOf(containsString("Project approved: welcome"),
					containsString("Project approved</td>"), containsString("Our &lt;own&gt; note"),
					containsString("Subject of Our &lt;own&gt; note"), containsString("href=\"/templates/" + own + "\""),
					containsString("href=\"/templates/new\""),
					matchesPattern("(?s).*Project approved: welcome</a>\\s*<span class=\"badge\">Starter</span>.*"),
					not(matchesPattern("(?s).*note</a>\\s*<span class=\"badge\">Starter</span>.*")))));
	}

	@Test
	void theNewFormListsTheDynamicValuesAndCreatingPostsTheTemplateAndOpensIt() throws Exception {
		this.mvc.perform(get("/templates/new").cookie(SignedInScreens.session(this.member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("{{portal.link}}"), containsString("Customer portal link"),
					containsString("class=\"automation-form\""), containsString("src=\"/assets/automations.js\""),
					containsString("name=\"_csrf\""), not(containsString("name=\"version\"")))));

		UUID created = UUID.randomUUID();
		ScreenStubs.answer(AUTOMATION, this.member, "POST", "/api/email-templates", 201,
				template(created, "Reminder", "INVOICE_OVERDUE", "null", 0));
		this.mvc.perform(post("/templates").with(SignedInScreens.formOf(this.mvc, this.member))
			.param("name", "  Reminder ")
			.param("suggestedTrigger", "INVOICE_OVERDUE")
			.param("subject", " Your invoice ")
			.param("body", "Hello {{client.first_name}}"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/templates/" + created + "?saved"));
		ScreenStubs.server(AUTOMATION).verify(ScreenStubs.calls(this.member, "POST", "/api/email-templates")
			.withRequestBody(equalToJson("""
					{"name": "Reminder", "subject": "Your invoice", "body": "Hello {{client.first_name}}",
					 "suggestedTrigger": "INVOICE_OVERDUE"}""")));
	}

	@Test
	void theServicesRefusalShowsTheFormAgainWithTheErrorsByFieldAndWhatWasTyped() throws Exception {
		ScreenStubs.answer(AUTOMATION, this.member, "POST", "/api/email-templates", 422, """
				{"type": "tag:coastline.app,2026:problem:unprocessable", "status": 422,
				 "detail": "The email's body uses an unknown dynamic value {{client.frist_name}} (did you mean {{client.first_name}}?)."}""");

		this.mvc.perform(post("/templates").with(SignedInScreens.formOf(this.mvc, this.member))
			.param("name", "Typo")
			.param("suggestedTrigger", "")
			.param("subject", "Hello")
			.param("body", "Hi {{client.frist_name}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(
					matchesPattern("(?s).*id=\"body\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"body-error\".*"),
					containsString("id=\"body-error\">The email&#39;s body uses an unknown dynamic value "
							+ "{{client.frist_name}} (did you mean {{client.first_name}}?)"),
					containsString(">Hi {{client.frist_name}}</textarea>"), containsString("value=\"Typo\""),
					not(containsString("id=\"subject-error\"")))));

		ScreenStubs.answer(AUTOMATION, this.member, "POST", "/api/email-templates", 400, """
				{"type": "tag:coastline.app,2026:problem:validation-failed", "status": 400,
				 "errors": [{"field": "name", "message": "must not be blank"},
				            {"field": "subject", "message": "must not be blank"}]}""");
		this.mvc.perform(post("/templates").with(SignedInScreens.formOf(this.mvc, this.member))
			.param("name", " ")
			.param("subject", "")
			.param("body", "Kept body"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\">Name must not be blank.</p>"),
					containsString("id=\"subject-error\">Subject must not be blank.</p>"),
					containsString(">Kept body</textarea>"))));

		// What no field of this form is about (an automation's template, a field it does not have) is the form's
		// message, never an error by a field that is not there.
		ScreenStubs.answer(AUTOMATION, this.member, "POST", "/api/email-templates", 422, """
				{"type": "tag:coastline.app,2026:problem:unprocessable", "status": 422,
				 "detail": "That email template is not one of this workspace's."}""");
		this.mvc.perform(post("/templates").with(SignedInScreens.formOf(this.mvc, this.member))
			.param("name", "Kept name")
			.param("subject", "Hello")
			.param("body", "Kept body"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(
					containsString("role=\"alert\">That email template is not one of this workspace&#39;s.</p>"),
					not(containsString("field-error")), containsString("value=\"Kept name\""))));
	}

	@Test
	void editingPutsTheChangeWithTheVersionReadAndAStaleVersionSaysSomeoneElseChangedIt() throws Exception {
		UUID id = UUID.randomUUID();
		ScreenStubs.answer(AUTOMATION, this.member, "GET", "/api/email-templates/" + id, 200,
				template(id, "Welcome", "PROJECT_APPROVED", "\"project-approved\"", 4));
		this.mvc.perform(get("/templates/" + id).cookie(SignedInScreens.session(this.member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"Welcome\""),
					containsString("name=\"version\" value=\"4\""),
					matchesPattern("(?s).*value=\"PROJECT_APPROVED\" selected.*"),
					containsString("action=\"/templates/" + id + "/delete\""), containsString("A starter template"))));

		ScreenStubs.answer(AUTOMATION, this.member, "PUT", "/api/email-templates/" + id, 200,
				template(id, "Welcome back", null, "null", 5));
		this.mvc.perform(post("/templates/" + id).with(SignedInScreens.formOf(this.mvc, this.member))
			.param("name", "Welcome back")
			.param("version", "4")
			.param("suggestedTrigger", "")
			.param("subject", "Welcome")
			.param("body", "Hello"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/templates/" + id + "?saved"));
		ScreenStubs.server(AUTOMATION).verify(ScreenStubs.calls(this.member, "PUT", "/api/email-templates/" + id)
			.withRequestBody(equalToJson("""
					{"name": "Welcome back", "subject": "Welcome", "body": "Hello", "version": 4}""")));

		ScreenStubs.answer(AUTOMATION, this.member, "PUT", "/api/email-templates/" + id, 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, \"detail\": \"stale\"}");
		this.mvc.perform(post("/templates/" + id).with(SignedInScreens.formOf(this.mvc, this.member))
			.param("name", "Welcome again")
			.param("version", "3")
			.param("subject", "Welcome")
			.param("body", "Hello"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Someone changed this template while you were editing it."),
					containsString("value=\"Welcome again\""))));
	}

	@Test
	void deletingRedirectsToTheLibrarySayingAutomationsKeepTheirCopy() throws Exception {
		UUID id = UUID.randomUUID();
		ScreenStubs.noContent(AUTOMATION, this.member, "DELETE", "/api/email-templates/" + id);
		this.mvc.perform(post("/templates/" + id + "/delete").with(SignedInScreens.formOf(this.mvc, this.member)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/templates?deleted"));
		ScreenStubs.server(AUTOMATION).verify(1, ScreenStubs.calls(this.member, "DELETE", "/api/email-templates/" + id));

		ScreenStubs.answer(AUTOMATION, this.member, "GET", "/api/email-templates", 200, "[]");
		this.mvc.perform(get("/templates").param("deleted", "").cookie(SignedInScreens.session(this.member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Automations made from it keep their copy")));
	}

	@Test
	void anotherWorkspacesTemplateIsTheNotFoundPage() throws Exception {
		UUID foreign = UUID.randomUUID();
		ScreenStubs.answer(AUTOMATION, this.member, "GET", "/api/email-templates/" + foreign, 404,
				ServiceAnswers.notFound());
		ScreenStubs.answer(AUTOMATION, this.member, "DELETE", "/api/email-templates/" + foreign, 404,
				ServiceAnswers.notFound());

		for (String path : new String[] { "/templates/" + foreign, "/templates/not-a-uuid" }) {
			this.mvc.perform(get(path).cookie(SignedInScreens.session(this.member)))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("This page is not here")));
		}
		this.mvc.perform(post("/templates/" + foreign).with(SignedInScreens.formOf(this.mvc, this.member))
			.param("name", "Mine now")
			.param("subject", "s")
			.param("body", "b"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/templates/" + foreign + "/delete").with(SignedInScreens.formOf(this.mvc, this.member)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This page is not here")));
		ScreenStubs.server(AUTOMATION).verify(0, ScreenStubs.calls(this.member, "PUT", "/api/email-templates/" + foreign));
	}

	@Test
	void withoutASessionEveryScreenGoesToSignIn() throws Exception {
		int before = ScreenStubs.server(AUTOMATION).findAll(anyRequestedFor(anyUrl())).size();
		for (String path : new String[] { "/templates", "/templates/new", "/templates/" + UUID.randomUUID() }) {
			this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
		}
		assertThat(ScreenStubs.server(AUTOMATION).findAll(anyRequestedFor(anyUrl()))).hasSize(before);
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
		UUID id = UUID.randomUUID();
		this.mvc.perform(post("/templates").cookie(SignedInScreens.session(this.member))
			.param("name", "Sneaky")
			.param("subject", "s")
			.param("body", "b"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("This form has expired")));
		this.mvc.perform(post("/templates/" + id + "/delete").cookie(SignedInScreens.session(this.member)))
			.andExpect(status().isForbidden());

		ScreenStubs.server(AUTOMATION).verify(0, ScreenStubs.calls(this.member, "POST", "/api/email-templates"));
		ScreenStubs.server(AUTOMATION).verify(0, ScreenStubs.calls(this.member, "DELETE", "/api/email-templates/" + id));
	}

	private static String template(UUID id, String name, String trigger, String starter, int version) {
		return """
				{"id": "%s", "name": "%s", "subject": "Subject of %s", "body": "Hello {{client.first_name}}",
				 "suggestedTrigger": %s, "starter": %s, "createdBy": "staff", "createdAt": "2026-11-20T09:00:00Z",
				 "updatedBy": "staff", "updatedAt": "2026-11-20T09:00:00Z", "version": %d}""".formatted(id, name, name,
				(trigger != null) ? "\"" + trigger + "\"" : "null", starter, version);
	}
}
