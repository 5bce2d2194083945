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
import static com.coastline.backoffice.support.SignedInScreens.project;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scheduling a visit against identity (the workspace's time zone) and project-service at their HTTP boundary: the
 * window typed in the workspace's zone reaches project-service as instants; what is not a day, time or zone is
 * refused by its field before anything is sent; project-service's refusals by their fields.
 */
@BackofficeGatewayTest
class VisitPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theFormStartsInTheWorkspacesTimeZone() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		answer(BackOfficeService.IDENTITY, member, "GET", "/api/workspaces/" + member.workspaceId(), 200,
				"{\"id\": \"" + member.workspaceId() + "\", \"name\": \"Harbour Roofing\", \"timeZone\": \"America/Denver\"}");

		this.mvc.perform(get("/projects/" + project + "/appointments/new").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Schedule a visit</h1>"),
					containsString("value=\"America/Denver\""),
					containsString("action=\"/projects/" + project + "/appointments\""))));
	}

	@Test
	void aVisitReachesProjectServiceAsInstantsOfTheWindowInItsTimeZone() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/appointments", 201, "{}");

		this.mvc.perform(post("/projects/" + project + "/appointments").with(formOf(this.mvc, member))
			.param("date", "2026-12-01")
			.param("from", "09:00")
			.param("to", "11:30")
			.param("timeZone", "Europe/Berlin")
			.param("assigneeName", "Sam Carter"))
			.andExpect(redirectedUrl("/projects/" + project + "?done=visit-scheduled#visits"));

		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects/" + project + "/appointments")
			.withRequestBody(matchingJsonPath("$.startsAt", equalTo("2026-12-01T08:00:00Z")))
			.withRequestBody(matchingJsonPath("$.endsAt", equalTo("2026-12-01T10:30:00Z")))
			.withRequestBody(matchingJsonPath("$.timeZone", equalTo("Europe/Berlin")))
			.withRequestBody(matchingJsonPath("$.assigneeName", equalTo("Sam Carter"))));
	}

	@Test
	void whatIsNotADayTimeOrZoneIsRefusedByItsFieldAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID project = project(member);

		this.mvc.perform(post("/projects/" + project + "/appointments").with(formOf(this.mvc, member))
			.param("date", "1 December")
			.param("from", "9am")
			.param("to", "11:00")
			.param("timeZone", "+02:00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"date-error\">Enter the day as YYYY-MM-DD.</p>"),
					containsString("id=\"from-error\">Enter a time like 09:30.</p>"),
					containsString("id=\"timeZone-error\">Enter a time zone like Europe/Berlin"),
					containsString("value=\"1 December\""))));

		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/appointments"));
	}

	@Test
	void projectServicesRefusalIsShownByItsField() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/appointments", 400,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 400, "
						+ "\"errors\": [{\"field\": \"endsAt\", \"message\": \"must be after startsAt\"}]}");

		this.mvc.perform(post("/projects/" + project + "/appointments").with(formOf(this.mvc, member))
			.param("date", "2026-12-01")
			.param("from", "11:00")
			.param("to", "09:00")
			.param("timeZone", "Europe/Berlin"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"to-error\">must be after startsAt</p>")));
	}

	@Test
	void anotherWorkspacesProjectIsTheNotFoundPage() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + elsewhere, 404, ScreenStubs.notFound());

		this.mvc.perform(get("/projects/" + elsewhere + "/appointments/new").cookie(session(member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/projects/" + elsewhere + "/appointments").with(formOf(this.mvc, member))
			.param("date", "2026-12-01")
			.param("from", "09:00")
			.param("to", "11:00")
			.param("timeZone", "Europe/Berlin")).andExpect(status().isNotFound());
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + elsewhere + "/appointments"));
	}
}
