package com.coastline.backoffice.screens;

import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.CsrfTokens;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.support.ScreenStubs.answer;
import static com.coastline.backoffice.support.ScreenStubs.calls;
import static com.coastline.backoffice.support.ScreenStubs.server;
import static com.coastline.backoffice.support.SignedInScreens.formOf;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.projectWithoutContact;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The project's lifecycle on its page, against project-service at its HTTP boundary: only the moves the status
 * allows are offered; each posts the move with the member's staff JWT and comes back with a confirmation (approving
 * says that the approved-project automations run); a move project-service refuses (409) is a message on the page as
 * it is now, and nothing else is sent.
 */
@BackofficeGatewayTest
class ProjectLifecycleTest {

	@Autowired
	MockMvc mvc;

	@Test
	void onlyTheMovesTheStatusAllowsAreOffered() throws Exception {
		StaffMember member = member();
		expectMoves(member, "LEAD", new String[] { "approve", "cancel" }, new String[] { "start", "complete" });
		expectMoves(member, "ESTIMATING", new String[] { "approve", "cancel" }, new String[] { "start", "complete" });
		expectMoves(member, "APPROVED", new String[] { "start", "cancel" }, new String[] { "approve", "complete" });
		expectMoves(member, "IN_PROGRESS", new String[] { "complete", "cancel" }, new String[] { "approve", "start" });
		expectMoves(member, "COMPLETED", new String[0], new String[] { "approve", "start", "complete", "cancel" });
		expectMoves(member, "CANCELLED", new String[0], new String[] { "approve", "start", "complete", "cancel" });
	}

	private void expectMoves(StaffMember member, String status, String[] offered, String[] notOffered)
			throws Exception {
		UUID project = projectWithoutContact(member, status);
		var page = this.mvc.perform(get("/projects/" + project).cookie(session(member))).andExpect(status().isOk());
		for (String move : offered) {
			// Cancelling asks first: a link to its confirmation page, never a form that cancels on one click.
			String attribute = "cancel".equals(move) ? "href" : "action";
			page.andExpect(content().string(containsString(attribute + "=\"/projects/" + project + "/" + move + "\"")));
		}
		page.andExpect(content().string(not(containsString("action=\"/projects/" + project + "/cancel\""))));
		for (String move : notOffered) {
			page.andExpect(content().string(not(containsString("action=\"/projects/" + project + "/" + move + "\""))));
			page.andExpect(content().string(not(containsString("href=\"/projects/" + project + "/" + move + "\""))));
		}
	}

	@Test
	void approvingPostsTheMoveWithTheStaffJwtAndSaysTheAutomationsRun() throws Exception {
		StaffMember member = member();
		UUID project = projectWithoutContact(member, "ESTIMATING");
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/approve", 200,
				ScreenStubs.project(project, "Roof repair", "APPROVED", UUID.randomUUID()));

		this.mvc.perform(post("/projects/" + project + "/approve").with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/projects/" + project + "?done=approved"));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects/" + project + "/approve"));

		this.mvc.perform(get("/projects/" + project).param("done", "approved").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Approved. Automations for approved projects run now")));
	}

	@Test
	void startCompleteAndCancelPostTheirMoves() throws Exception {
		StaffMember member = member();
		for (String[] move : new String[][] { { "start", "started", "Work started." },
				{ "complete", "completed", "Project completed." },
				{ "cancel", "cancelled", "Project cancelled." } }) {
			UUID project = projectWithoutContact(member, "IN_PROGRESS");
			answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/" + move[0], 200, "{}");

			this.mvc.perform(post("/projects/" + project + "/" + move[0]).with(formOf(this.mvc, member)))
				.andExpect(redirectedUrl("/projects/" + project + "?done=" + move[1]));
			server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects/" + project + "/" + move[0]));
			for (String other : new String[] { "approve", "start", "complete", "cancel" }) {
				if (!other.equals(move[0])) {
					server(BackOfficeService.PROJECT).verify(0,
							calls(member, "POST", "/api/projects/" + project + "/" + other));
				}
			}
			this.mvc.perform(get("/projects/" + project).param("done", move[1]).cookie(session(member)))
				.andExpect(content().string(containsString(move[2])));
		}
	}

	@Test
	void aMoveProjectServiceRefusesIsAMessageOnThePageAsItIsNow() throws Exception {
		StaffMember member = member();
		UUID project = projectWithoutContact(member, "APPROVED");
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/approve", 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"title\": \"Conflict\", \"status\": 409, "
						+ "\"detail\": \"The project is APPROVED\", \"currentState\": \"APPROVED\"}");

		this.mvc.perform(post("/projects/" + project + "/approve").with(formOf(this.mvc, member)))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("<h1>Roof repair</h1>"),
					containsString("This project cannot be approved now: it is approved. Nothing was changed."),
					containsString("action=\"/projects/" + project + "/start\""))));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects/" + project + "/approve"));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/cancel"));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/start"));
	}

	@Test
	void anotherWorkspacesOrAMalformedProjectIsTheNotFoundPage() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + elsewhere + "/approve", 404,
				ScreenStubs.notFound());

		this.mvc.perform(post("/projects/" + elsewhere + "/approve").with(formOf(this.mvc, member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/projects/not-a-project/approve").with(formOf(this.mvc, member)))
			.andExpect(status().isNotFound());
	}

	@Test
	void withoutASessionAMoveSendsToSignInAndNothingIsSent() throws Exception {
		UUID project = UUID.randomUUID();
		this.mvc.perform(post("/projects/" + project + "/approve").with(CsrfTokens.fetch(this.mvc).asField()))
			.andExpect(redirectedUrl("/sign-in"));
		server(BackOfficeService.PROJECT).verify(0,
				anyRequestedFor(urlPathMatching("/api/projects/" + project + "/approve")));
	}

	@Test
	void withoutACsrfTokenAMoveIsRefusedAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID project = projectWithoutContact(member, "LEAD");

		this.mvc.perform(post("/projects/" + project + "/approve").cookie(session(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/projects/" + project + "/cancel").cookie(session(member)))
			.andExpect(status().isForbidden());
		server(BackOfficeService.PROJECT).verify(0,
				anyRequestedFor(urlPathMatching("/api/projects/" + project + "/(approve|cancel)")));
	}

	@Test
	void projectServiceDownIsTheServiceUnavailablePage() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		ScreenStubs.down(BackOfficeService.PROJECT, "POST", "/api/projects/" + project + "/complete");

		this.mvc.perform(post("/projects/" + project + "/complete").with(formOf(this.mvc, member)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
			.andExpect(content().string(containsString("This page is unavailable right now")));
	}
}
