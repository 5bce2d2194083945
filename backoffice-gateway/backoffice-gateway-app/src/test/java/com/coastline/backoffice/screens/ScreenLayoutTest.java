package com.coastline.backoffice.screens;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.coastline.backoffice.signin.Identity;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.ModelMap;

import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.project;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The screens' header against identity at its HTTP boundary: the workspace's name is read once and reused by the
 * next screens; a renamed workspace shows once the minute is over (a ticker the test moves, no waiting); a name
 * identity could not give is asked for again at once.
 */
@BackofficeGatewayTest
class ScreenLayoutTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectProvider<StaffPages> pages;

	@Autowired
	ObjectProvider<Identity> identity;

	@Test
	void twoScreensAskIdentityForTheWorkspacesNameOnce() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		String header = "<a class=\"workspace-name\" href=\"/\">Harbour Roofing</a>";

		this.mvc.perform(get("/contacts/new").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(header)));
		this.mvc.perform(get("/projects/" + project + "/appointments/new").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(header)));

		assertThat(workspaceCalls(member)).isOne();
	}

	@Test
	void aRenamedWorkspaceShowsOnceTheMinuteIsOver() {
		AtomicLong nanos = new AtomicLong();
		ScreenLayout layout = new ScreenLayout(this.pages, this.identity, nanos::get);
		StaffMember member = member();

		assertThat(header(layout, member)).containsEntry("workspace", "Harbour Roofing");
		named(member, 200, "{\"id\": \"" + member.workspaceId() + "\", \"name\": \"Harbour Roofing & Sons\"}");
		nanos.addAndGet(Duration.ofSeconds(59).toNanos());
		assertThat(header(layout, member)).containsEntry("workspace", "Harbour Roofing");
		assertThat(workspaceCalls(member)).isOne();

		nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(header(layout, member)).containsEntry("workspace", "Harbour Roofing & Sons");
		assertThat(header(layout, member)).containsEntry("workspace", "Harbour Roofing & Sons");
		assertThat(workspaceCalls(member)).isEqualTo(2);
	}

	@Test
	void aNameIdentityCouldNotGiveIsAskedForAgainAtOnce() {
		ScreenLayout layout = new ScreenLayout(this.pages, this.identity, new AtomicLong()::get);
		StaffMember member = member();
		named(member, 404, "{\"type\": \"tag:coastline.app,2026:problem:not-found\", \"status\": 404}");

		ModelMap refused = header(layout, member);
		assertThat(refused).containsEntry("email", member.email()).doesNotContainKey("workspace");

		named(member, 200, "{\"id\": \"" + member.workspaceId() + "\", \"name\": \"Harbour Roofing\"}");
		assertThat(header(layout, member)).containsEntry("workspace", "Harbour Roofing");
		assertThat(workspaceCalls(member)).isEqualTo(2);
	}

	/** The header's model of a screen the member opens now. */
	private static ModelMap header(ScreenLayout layout, StaffMember member) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/contacts");
		request.setCookies(session(member));
		ModelMap model = new ModelMap();
		layout.addTo(model, request);
		return model;
	}

	/** identity answers the member's workspace with this status and JSON from now on. */
	private static void named(StaffMember member, int status, String json) {
		IdentityStub.SERVER.stubFor(WireMock.get(urlPathEqualTo("/api/workspaces/" + member.workspaceId()))
			.atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + member.jwt()))
			.willReturn(aResponse().withStatus(status)
				.withHeader("Content-Type", (status >= 400) ? "application/problem+json" : "application/json")
				.withBody(json)));
	}

	private static int workspaceCalls(StaffMember member) {
		return IdentityStub.SERVER
			.findAll(getRequestedFor(urlPathEqualTo("/api/workspaces/" + member.workspaceId())))
			.size();
	}
}
