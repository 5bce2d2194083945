package com.coastline.backoffice.screens;

import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.support.ScreenStubs.answer;
import static com.coastline.backoffice.support.ScreenStubs.calls;
import static com.coastline.backoffice.support.ScreenStubs.server;
import static com.coastline.backoffice.support.SignedInScreens.formOf;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contact screens against project-service at its HTTP boundary: the list, a contact's page with their projects
 * and the way to their portal access, creating a contact and project-service's refusals by their fields, another
 * workspace's contact, no session, CSRF.
 */
@BackofficeGatewayTest
class ContactPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theListShowsTheWorkspacesContacts() throws Exception {
		StaffMember member = member();
		UUID dana = UUID.randomUUID();
		UUID ali = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts", 200, "["
				+ ScreenStubs.contact(dana, "Dana", "Reyes", "dana@harbour.test") + ", "
				+ ScreenStubs.contact(ali, "Ali", "Khan", "ali@harbour.test") + "]");

		this.mvc.perform(get("/contacts").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/contacts/" + dana + "\">Dana Reyes</a>"),
					containsString("href=\"/contacts/" + ali + "\">Ali Khan</a>"), containsString("dana@harbour.test"),
					containsString("href=\"/contacts\" aria-current=\"page\""))));
	}

	@Test
	void aContactsPageShowsTheirDetailsProjectsAndTheWayToTheirPortalAccess() throws Exception {
		StaffMember member = member();
		UUID dana = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		UUID someoneElses = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts/" + dana, 200,
				ScreenStubs.contact(dana, "Dana", "Reyes", "dana@harbour.test"));
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects", 200,
				"[" + ScreenStubs.project(theirs, "Roof repair", "APPROVED", dana) + ", "
						+ ScreenStubs.project(someoneElses, "Garage", "LEAD", UUID.randomUUID()) + "]");

		this.mvc.perform(get("/contacts/" + dana).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Dana Reyes</h1>"),
					containsString("dana@harbour.test"), containsString("+1 555 0100"),
					containsString("href=\"/contacts/" + dana + "/access\">Portal access</a>"),
					containsString("href=\"/projects/" + theirs + "\">Roof repair</a>"),
					containsString("Primary contact"), not(containsString("Garage")))));
	}

	@Test
	void theNewContactFormAsksForNameEmailAndPhone() throws Exception {
		this.mvc.perform(get("/contacts/new").cookie(session(member())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("action=\"/contacts\""),
					containsString("<label for=\"firstName\">First name</label>"),
					containsString("name=\"email\" type=\"email\""), containsString("name=\"phone\" type=\"tel\""),
					containsString("name=\"_csrf\""))));
	}

	@Test
	void creatingAContactPostsItToProjectServiceAndOpensIt() throws Exception {
		StaffMember member = member();
		UUID created = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "POST", "/api/contacts", 201,
				ScreenStubs.contact(created, "Dana", "Reyes", "dana@harbour.test"));

		this.mvc.perform(post("/contacts").with(formOf(this.mvc, member))
			.param("firstName", "Dana")
			.param("lastName", "Reyes")
			.param("email", " dana@harbour.test ")
			.param("phone", ""))
			.andExpect(redirectedUrl("/contacts/" + created + "?done=created"));

		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/contacts")
			.withRequestBody(matchingJsonPath("$.email", equalTo("dana@harbour.test")))
			.withRequestBody(matchingJsonPath("$.firstName", equalTo("Dana"))));
	}

	@Test
	void aContactProjectServiceRefusesShowsTheFormAgainWithTheErrorsByTheirFields() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PROJECT, member, "POST", "/api/contacts", 400,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 400, "
						+ "\"errors\": [{\"field\": \"email\", \"message\": \"must be a well-formed email address\"}, "
						+ "{\"field\": \"lastName\", \"message\": \"must not be blank\"}]}");

		this.mvc.perform(post("/contacts").with(formOf(this.mvc, member))
			.param("firstName", "Dana")
			.param("email", "dana-at-harbour"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("value=\"dana-at-harbour\""),
					containsString("id=\"email-error\">must be a well-formed email address</p>"),
					containsString("id=\"lastName-error\">must not be blank</p>"), containsString("value=\"Dana\""))));
	}

	@Test
	void anotherWorkspacesContactIsTheNotFoundPage() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts/" + elsewhere, 404, ScreenStubs.notFound());

		this.mvc.perform(get("/contacts/" + elsewhere).cookie(session(member)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This page is not here")));
		this.mvc.perform(get("/contacts/12345").cookie(session(member))).andExpect(status().isNotFound());
	}

	@Test
	void withoutASessionOrACsrfTokenNothingHappens() throws Exception {
		this.mvc.perform(get("/contacts")).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/contacts/new")).andExpect(redirectedUrl("/sign-in"));
		StaffMember member = member();
		this.mvc.perform(post("/contacts").cookie(session(member)).param("firstName", "Dana"))
			.andExpect(status().isForbidden());
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/contacts"));
	}

	@Test
	void projectServiceDownIsTheServiceUnavailablePage() throws Exception {
		StaffMember member = member();
		UUID contact = UUID.randomUUID();
		ScreenStubs.down(BackOfficeService.PROJECT, "GET", "/api/contacts/" + contact);

		this.mvc.perform(get("/contacts/" + contact).cookie(session(member)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("This page is unavailable right now")));
	}
}
