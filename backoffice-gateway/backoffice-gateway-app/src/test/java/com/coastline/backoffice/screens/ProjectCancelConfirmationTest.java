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
import static com.coastline.backoffice.support.SignedInScreens.projectWithoutContact;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * <em>Cancel project</em> asks first, against project-service at its HTTP boundary: the project page's button is a
 * link to a confirmation page (no JavaScript needed); that page names the project and what cancelling does, with the
 * <em>Cancel project</em> form and a <em>Keep project</em> link, and reading it sends project-service nothing but
 * the project's {@code GET}; only its form's POST cancels. A project that cannot be cancelled any more has no form;
 * another workspace's project is the 404 page.
 */
@BackofficeGatewayTest
class ProjectCancelConfirmationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theProjectPagesCancelButtonIsALinkToTheConfirmation() throws Exception {
		StaffMember member = member();
		UUID project = projectWithoutContact(member, "IN_PROGRESS");

		this.mvc.perform(get("/projects/" + project).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/projects/" + project + "/cancel\""),
					not(containsString("action=\"/projects/" + project + "/cancel\"")))));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/cancel"));
	}

	@Test
	void theConfirmationPageAsksFirstAndChangesNothing() throws Exception {
		StaffMember member = member();
		UUID project = projectWithoutContact(member, "IN_PROGRESS");

		this.mvc.perform(get("/projects/" + project + "/cancel").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Cancel Roof repair?</h1>"),
					containsString("The client will see the project as cancelled in the Customer Portal"),
					containsString("method=\"post\""),
					containsString("action=\"/projects/" + project + "/cancel\""), containsString("name=\"_csrf\""),
					containsString(">Cancel project</button>"),
					containsString("href=\"/projects/" + project + "\">Keep project</a>"),
					not(containsString("<script")), not(containsString("style=")))));

		// Reading the page read the project, and nothing else about it reached project-service.
		server(BackOfficeService.PROJECT).verify(1, getRequestedFor(urlPathEqualTo("/api/projects/" + project)));
		server(BackOfficeService.PROJECT).verify(1, anyRequestedFor(urlPathMatching("/api/projects/" + project + ".*")));
	}

	@Test
	void theConfirmationsFormCancels() throws Exception {
		StaffMember member = member();
		UUID project = projectWithoutContact(member, "APPROVED");
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/cancel", 200,
				ScreenStubs.project(project, "Roof repair", "CANCELLED", null));

		this.mvc.perform(post("/projects/" + project + "/cancel").with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/projects/" + project + "?done=cancelled"));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects/" + project + "/cancel"));
	}

	@Test
	void aProjectThatCannotBeCancelledAnyMoreHasNoForm() throws Exception {
		StaffMember member = member();
		UUID project = projectWithoutContact(member, "COMPLETED");

		this.mvc.perform(get("/projects/" + project + "/cancel").cookie(session(member)))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("This project cannot be cancelled now: it is completed. Nothing was changed."),
					not(containsString("action=\"/projects/" + project + "/cancel\"")),
					containsString("href=\"/projects/" + project + "\">Back to the project</a>"))));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/cancel"));
	}

	@Test
	void anotherWorkspacesOrAMalformedProjectIsTheNotFoundPage() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + elsewhere, 404, ScreenStubs.notFound());

		this.mvc.perform(get("/projects/" + elsewhere + "/cancel").cookie(session(member)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Cancel project</button>"))));
		this.mvc.perform(get("/projects/not-a-project/cancel").cookie(session(member)))
			.andExpect(status().isNotFound());
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + elsewhere + "/cancel"));
	}

	@Test
	void withoutASessionTheConfirmationSendsToSignIn() throws Exception {
		UUID project = UUID.randomUUID();
		this.mvc.perform(get("/projects/" + project + "/cancel")).andExpect(redirectedUrl("/sign-in"));
		server(BackOfficeService.PROJECT).verify(0, anyRequestedFor(urlPathMatching("/api/projects/" + project + ".*")));
	}
}
