package com.coastline.backoffice.screens.billing;

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
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.projectWithoutContact;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client's answers on the estimate's page, against identity (the workspace's time zone) and project-service
 * (the estimate with every version's answer and approval evidence, the answering contact) at their HTTP boundary:
 * who approved, when in the workspace's time zone, from which IP address and browser, and the document's
 * fingerprint; who asked for changes or declined, when, and their message; UTC when identity cannot say; an
 * unanswered estimate asks nobody else anything; another workspace's estimate is the 404 page.
 */
@BackofficeGatewayTest
class EstimateEvidencePageTest {

	private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private static final String CHROME_ON_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	@Autowired
	MockMvc mvc;

	@Test
	void anApprovalShowsItsEvidenceInTheWorkspacesTimeZone() throws Exception {
		StaffMember member = member();
		UUID contact = contact(member);
		workspaceZone(member, "America/Denver");
		UUID estimate = estimate(member, "APPROVED", approved(2, contact), changesRequested(1, contact,
				"\"Can you use grey tiles?\""));

		this.mvc.perform(get("/estimates/" + estimate).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"answers-heading\""),
					// 16:14 UTC is 09:14 in Denver (MST, UTC−7).
					containsString("Approved by Dana R. Reyes on 2 Dec 2026 at 09:14 (America/Denver) from 203.0.113.7 "
							+ "(Chrome 131 on macOS)"),
					containsString("<dt>Document fingerprint</dt>"), containsString(HASH),
					containsString("<dt>Signed in as</dt>"),
					containsString("href=\"/contacts/" + contact + "\">Dana Reyes</a>"), containsString(CHROME_ON_MAC),
					containsString("Changes requested by Dana Reyes on 30 Nov 2026 at 03:00 (America/Denver)"),
					containsString("Can you use grey tiles?"), not(containsString("<script")),
					not(containsString("style=")))));
	}

	@Test
	void aDeclineShowsWhoWhenAndTheMessageInUtcWhenIdentityCannotSay() throws Exception {
		StaffMember member = member();
		UUID contact = contact(member);
		// identity knows no time zone for the workspace (it answers 404 here): the times are in UTC.
		answer(BackOfficeService.IDENTITY, member, "GET", "/api/workspaces/" + member.workspaceId(), 404,
				ScreenStubs.notFound());
		UUID estimate = estimate(member, "DECLINED", declined(1, contact, "\"Too expensive for us this year.\""));

		this.mvc.perform(get("/estimates/" + estimate).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Declined by Dana Reyes on 1 Dec 2026 at 18:30 (UTC)"),
					containsString("<dt>Client</dt>"), containsString("href=\"/contacts/" + contact + "\">Dana Reyes</a>"),
					containsString("Too expensive for us this year."),
					not(containsString("Document fingerprint")))));
	}

	@Test
	void anAnswerWithoutAMessageOrAKnownContactStillShows() throws Exception {
		StaffMember member = member();
		UUID gone = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts/" + gone, 404, ScreenStubs.notFound());
		workspaceZone(member, "Europe/Berlin");
		UUID estimate = estimate(member, "CHANGES_REQUESTED", changesRequested(1, gone, "null"));

		this.mvc.perform(get("/estimates/" + estimate).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("Changes requested by the client on 30 Nov 2026 at 11:00 (Europe/Berlin)"),
					containsString("No message."))));
	}

	@Test
	void anUnansweredEstimateAsksNobodyElse() throws Exception {
		StaffMember member = member();
		UUID estimate = UUID.randomUUID();
		UUID project = projectWithoutContact(member, "ESTIMATING");
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "SENT", 1, "New roof"));

		this.mvc.perform(get("/estimates/" + estimate).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>New roof</h1>"),
					not(containsString("id=\"answers-heading\"")))));
		server(BackOfficeService.IDENTITY).verify(0,
				calls(member, "GET", "/api/workspaces/" + member.workspaceId()));
	}

	@Test
	void anotherWorkspacesEstimateIsTheNotFoundPage() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + elsewhere, 404, ScreenStubs.notFound());

		this.mvc.perform(get("/estimates/" + elsewhere).cookie(session(member)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Document fingerprint"))));
	}

	private static UUID estimate(StaffMember member, String status, String... versionsNewestFirst) {
		UUID estimate = UUID.randomUUID();
		UUID project = projectWithoutContact(member, "ESTIMATING");
		StringBuilder versions = new StringBuilder();
		for (int i = versionsNewestFirst.length - 1; i >= 0; i--) {
			versions.append(versionsNewestFirst[i]).append((i > 0) ? ", " : "");
		}
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				"{\"id\": \"" + estimate + "\", \"projectId\": \"" + project + "\", \"currency\": \"USD\", "
						+ "\"status\": \"" + status + "\", \"currentVersion\": " + versionsNewestFirst.length
						+ ", \"version\": 4, \"versions\": [" + versions + "]}");
		return estimate;
	}

	private static String approved(int number, UUID contact) {
		return version(number, "APPROVED", "\"2026-12-02T16:14:00Z\"", contact, "null")
				.replace("\"approval\": null", "\"approval\": {\"signerContactId\": \"" + contact
						+ "\", \"signedName\": \"Dana R. Reyes\", \"approvedAt\": \"2026-12-02T16:14:00Z\", "
						+ "\"ip\": \"203.0.113.7\", \"userAgent\": \"" + CHROME_ON_MAC + "\", \"contentSha256\": \""
						+ HASH + "\"}");
	}

	private static String changesRequested(int number, UUID contact, String message) {
		return version(number, "CHANGES_REQUESTED", "\"2026-11-30T10:00:00Z\"", contact, message);
	}

	private static String declined(int number, UUID contact, String message) {
		return version(number, "DECLINED", "\"2026-12-01T18:30:00Z\"", contact, message);
	}

	private static String version(int number, String status, String answeredAt, UUID contact, String message) {
		return "{\"number\": " + number + ", \"status\": \"" + status + "\", \"title\": \"New roof\", "
				+ "\"notes\": null, \"validUntil\": \"2026-12-31\", \"lineItems\": [], \"subtotalMinor\": 29000, "
				+ "\"taxMinor\": 2063, \"totalMinor\": 31063, \"sentAt\": \"2026-11-29T10:00:00Z\", \"answeredAt\": "
				+ answeredAt + ", \"answeredByContactId\": \"" + contact + "\", \"clientMessage\": " + message
				+ ", \"approval\": null}";
	}

	private static UUID contact(StaffMember member) {
		UUID contact = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts/" + contact, 200,
				ScreenStubs.contact(contact, "Dana", "Reyes", "dana@example.com"));
		return contact;
	}

	private static void workspaceZone(StaffMember member, String zone) {
		answer(BackOfficeService.IDENTITY, member, "GET", "/api/workspaces/" + member.workspaceId(), 200,
				"{\"id\": \"" + member.workspaceId() + "\", \"name\": \"Harbour Roofing\", \"timeZone\": \"" + zone
						+ "\", \"currency\": \"USD\"}");
	}
}
