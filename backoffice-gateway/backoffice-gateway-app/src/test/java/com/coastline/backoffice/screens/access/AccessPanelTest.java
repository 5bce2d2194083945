package com.coastline.backoffice.screens.access;

import java.util.UUID;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ServiceAnswers;
import com.coastline.backoffice.support.ServicesStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.routing.BackOfficeService.IDENTITY;
import static com.coastline.backoffice.routing.BackOfficeService.NOTIFICATION;
import static com.coastline.backoffice.routing.BackOfficeService.PROJECT;
import static com.coastline.backoffice.support.SignedInScreens.SESSION_COOKIE;
import static com.coastline.backoffice.support.SignedInScreens.formOf;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A contact's portal access panel against project-, identity- and notification-service at their HTTP boundary:
 * links, sessions, last sign-in, activity and email history from the services' answers; revoking and ending call
 * identity with the member's staff JWT and the page shows the new state; another workspace's contact is a 404 and
 * nothing is revoked; sign-in, CSRF and services that are down.
 */
@BackofficeGatewayTest
class AccessPanelTest {

	private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	CircuitBreakerRegistry breakers;

	StaffMember member;

	UUID contact;

	UUID project;

	UUID otherProject;

	UUID link;

	UUID portalSession;

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
	void aContactWithAProject() {
		this.member = member();
		this.contact = UUID.randomUUID();
		this.project = UUID.randomUUID();
		this.otherProject = UUID.randomUUID();
		this.link = UUID.randomUUID();
		this.portalSession = UUID.randomUUID();
		ServiceAnswers.answer(PROJECT, this.member, WireMock.get(urlPathEqualTo("/api/contacts/" + this.contact)), 200, """
				{"id": "%s", "firstName": "Dana", "lastName": "Reyes", "email": "dana@example.com", "phone": null,
				 "archived": false, "version": 1}""".formatted(this.contact));
		ServiceAnswers.answer(PROJECT, this.member, WireMock.get(urlPathEqualTo("/api/projects")), 200, """
				[{"id": "%s", "name": "Kitchen remodel", "primaryContactId": "%s", "addedContactIds": [],
				  "status": "APPROVED", "updatedAt": "2026-11-27T08:00:00Z"},
				 {"id": "%s", "name": "Someone else's roof", "primaryContactId": "%s", "addedContactIds": [],
				  "status": "LEAD", "updatedAt": "2026-11-27T08:00:00Z"}]"""
			.formatted(this.project, this.contact, this.otherProject, UUID.randomUUID()));
		// project-service picks the client's entries across its projects (its rule, its test): one call
		ServiceAnswers.answer(PROJECT, this.member, WireMock.get(urlPathEqualTo("/api/contacts/" + this.contact + "/activity"))
			.withQueryParam("limit", equalTo("25")), 200, """
					[{"id": "%1$s", "occurredAt": "2026-11-27T16:30:00Z", "kind": "INVOICE_PAID",
					  "actor": "service:payments", "summary": "Invoice \\"Deposit\\" paid in full", "subjectId": null,
					  "projectId": "%2$s", "projectName": "Kitchen remodel"},
					 {"id": "%3$s", "occurredAt": "2026-11-26T12:00:00Z", "kind": "ESTIMATE_APPROVED",
					  "actor": "contact:%4$s", "summary": "Estimate \\"Kitchen\\" approved (version 1) by Dana Reyes",
					  "subjectId": null, "projectId": "%2$s", "projectName": "Kitchen remodel"},
					 {"id": "%5$s", "occurredAt": "2026-11-25T09:45:00Z", "kind": "ESTIMATE_VIEWED",
					  "actor": "contact:%4$s", "summary": "Estimate \\"Porch\\" viewed", "subjectId": null,
					  "projectId": "%6$s", "projectName": "Porch of the lake house"}]"""
				.formatted(UUID.randomUUID(), this.project, UUID.randomUUID(), this.contact, UUID.randomUUID(),
						UUID.randomUUID()));
		ServiceAnswers.answer(IDENTITY, this.member, WireMock.get(urlPathEqualTo("/api/contacts/" + this.contact + "/links")),
				200, "[" + link(this.link, true, null) + "]");
		ServiceAnswers.answer(IDENTITY, this.member, WireMock.get(urlPathEqualTo("/api/contacts/" + this.contact + "/sessions")),
				200, """
						[{"id": "%s", "linkId": "%s", "projectId": "%s", "method": "link",
						  "createdAt": "2026-11-28T07:05:00Z", "lastSeenAt": "2026-11-28T07:20:00Z",
						  "expiresAt": "2026-12-12T07:05:00Z", "ip": "192.0.2.7", "userAgent": "%s"}]"""
					.formatted(this.portalSession, this.link, this.project, IPHONE));
		ServiceAnswers.answer(NOTIFICATION, this.member, WireMock.get(urlPathEqualTo("/api/deliveries"))
			.withQueryParam("contactId", equalTo(this.contact.toString())), 200, """
				[{"id": "%s", "idempotencyKey": "automation-run:1", "kind": "AUTOMATION", "recipient": "d***@example.com",
				  "status": "FAILED", "attempts": 1, "requestedAt": "2026-11-24T10:00:00Z", "nextAttemptAt": null,
				  "sentAt": null, "failedAt": "2026-11-24T10:00:01Z", "lastError": "550 mailbox unavailable",
				  "recipientUndeliverableUntil": "2026-12-01T10:00:01Z", "correlation": {}},
				 {"id": "%s", "idempotencyKey": "sign-in-code:2", "kind": "SIGN_IN_CODE", "recipient": "d***@example.com",
				  "status": "SENT", "attempts": 1, "requestedAt": "2026-11-23T10:00:00Z", "nextAttemptAt": null,
				  "sentAt": "2026-11-23T10:00:02Z", "failedAt": null, "lastError": null,
				  "recipientUndeliverableUntil": null, "correlation": {}}]"""
			.formatted(UUID.randomUUID(), UUID.randomUUID()));
	}

	@Test
	void thePanelShowsLinksSessionsLastSignInActivityAndEmails() throws Exception {
		this.mvc.perform(get(panel()).cookie(session(this.member)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().string(allOf(containsString("Portal access of <span>Dana Reyes</span>"),
					// the link: issued by this member, for the project, last used, expiry, active, revocable
					containsString("<td data-label=\"Issued\">20 Nov 2026, 09:00 UTC</td>"),
					containsString("<td data-label=\"By\">You</td>"),
					containsString("<td data-label=\"For\">Kitchen remodel</td>"),
					containsString("<td data-label=\"Last used\">28 Nov 2026, 07:04 UTC</td>"),
					containsString("<td data-label=\"Expires\">18 Dec 2026, 09:00 UTC</td>"), containsString(">Active<"),
					containsString("action=\"/contacts/" + this.contact + "/access/links/" + this.link + "/revoke\""),
					containsString("action=\"/contacts/" + this.contact + "/access/links/revoke-all\""),
					// the session: started, last seen, device and user agent, IP
					containsString("<td data-label=\"Last seen\">28 Nov 2026, 07:20 UTC</td>"),
					containsString("Safari on iPhone"),
					containsString("iPhone OS 17_0"), containsString("IP 192.0.2.7"),
					containsString("action=\"/contacts/" + this.contact + "/access/sessions/end-all\""),
					containsString("action=\"/contacts/" + this.contact + "/access/sessions/" + this.portalSession
							+ "/end\""))))
			.andExpect(content().string(allOf(
					// last sign-in: the latest of the session's start and the link's last use
					containsString("<dt>Last sign-in</dt><dd>28 Nov 2026, 07:05 UTC</dd>"),
					containsString("<dt>Last viewed an estimate</dt><dd>25 Nov 2026, 09:45 UTC</dd>"),
					containsString("<dt>Last approved</dt><dd>26 Nov 2026, 12:00 UTC</dd>"),
					containsString("<dt>Last paid</dt><dd>27 Nov 2026, 16:30 UTC</dd>"),
					containsString("Estimate &quot;Kitchen&quot; approved (version 1) by Dana Reyes"),
					// each entry with its project's name and its kind in words, newest first
					containsString("<td data-label=\"Project\">Porch of the lake house</td>"),
					stringContainsInOrder("<td data-label=\"What\">Invoice paid in full</td>",
							"<td data-label=\"What\">Approved an estimate</td>",
							"<td data-label=\"What\">Viewed an estimate</td>"),
					// emails: kind, masked recipient, status, the bounce
					containsString("Automation email"), containsString("Sign-in code"),
					containsString("d***@example.com"), containsString("550 mailbox unavailable"),
					containsString("The address bounced: held back until 1 Dec 2026, 10:00 UTC"))));

		// one call for the activity, none per project timeline (issue 9)
		ServicesStub.of(PROJECT).verify(1, getRequestedFor(urlPathEqualTo("/api/contacts/" + this.contact + "/activity"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt())));
		ServicesStub.of(PROJECT).verify(0, anyRequestedFor(urlPathMatching("/api/projects/[^/]+/timeline.*")));
	}

	@Test
	void revokingALinkCallsIdentityAndThePanelShowsItRevoked() throws Exception {
		String revokedLater = "link-" + this.link;
		identity().stubFor(WireMock.get(urlPathEqualTo("/api/contacts/" + this.contact + "/links")).atPriority(1)
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt()))
			.inScenario(revokedLater)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json("[" + link(this.link, true, null) + "]")));
		identity().stubFor(WireMock.delete(urlPathEqualTo("/api/contacts/" + this.contact + "/links/" + this.link)).atPriority(1)
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt()))
			.inScenario(revokedLater)
			.willSetStateTo("revoked")
			.willReturn(aResponse().withStatus(204)));
		identity().stubFor(WireMock.get(urlPathEqualTo("/api/contacts/" + this.contact + "/links")).atPriority(1)
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt()))
			.inScenario(revokedLater)
			.whenScenarioStateIs("revoked")
			.willReturn(json("[" + link(this.link, false, "revoked-by-staff") + "]")));

		this.mvc.perform(get(panel()).cookie(session(this.member)))
			.andExpect(content().string(containsString(">Active<")));

		this.mvc.perform(post(panel() + "/links/" + this.link + "/revoke").with(formOf(this.mvc, this.member)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(panel() + "?done=link-revoked"));
		identity().verify(deleteRequestedFor(urlPathEqualTo("/api/contacts/" + this.contact + "/links/" + this.link))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt())));

		this.mvc.perform(get(panel()).cookie(session(this.member)).param("done", "link-revoked"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The link no longer works."), containsString(">Revoked<"),
					containsString("revoked-by-staff"), not(containsString(">Active<")),
					not(containsString("/links/" + this.link + "/revoke\"")),
					not(containsString("/links/revoke-all\"")))));
	}

	@Test
	void revokingAllLinksAndEndingAllSessionsCallIdentity() throws Exception {
		ServiceAnswers.answer(IDENTITY, this.member, WireMock.delete(urlPathEqualTo("/api/contacts/" + this.contact + "/links")),
				204);
		ServiceAnswers.answer(IDENTITY, this.member,
				WireMock.delete(urlPathEqualTo("/api/contacts/" + this.contact + "/sessions")), 204);

		this.mvc.perform(post(panel() + "/links/revoke-all").with(formOf(this.mvc, this.member)))
			.andExpect(redirectedUrl(panel() + "?done=links-revoked"));
		this.mvc.perform(post(panel() + "/sessions/end-all").with(formOf(this.mvc, this.member)))
			.andExpect(redirectedUrl(panel() + "?done=sessions-ended"));

		identity().verify(1, deleteRequestedFor(urlPathEqualTo("/api/contacts/" + this.contact + "/links"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt())));
		identity().verify(1, deleteRequestedFor(urlPathEqualTo("/api/contacts/" + this.contact + "/sessions"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt())));
		this.mvc.perform(get(panel()).cookie(session(this.member)).param("done", "sessions-ended"))
			.andExpect(content().string(containsString("All the contact&#39;s portal sessions have ended.")));
	}

	@Test
	void endingOneSessionCallsIdentityWithItsIdAndThePanelSaysSo() throws Exception {
		String endOne = "/api/contacts/" + this.contact + "/sessions/" + this.portalSession;
		ServiceAnswers.answer(IDENTITY, this.member, WireMock.delete(urlPathEqualTo(endOne)), 204);

		this.mvc.perform(post(panel() + "/sessions/" + this.portalSession + "/end").with(formOf(this.mvc, this.member)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(panel() + "?done=session-ended"));

		identity().verify(1, deleteRequestedFor(urlPathEqualTo(endOne))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + this.member.jwt())));
		identity().verify(0, deleteRequestedFor(urlPathEqualTo("/api/contacts/" + this.contact + "/sessions")));
		this.mvc.perform(get(panel()).cookie(session(this.member)).param("done", "session-ended"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The portal session has ended")));
	}

	@Test
	void aSessionIdentityNoLongerKnowsIsSaidToHaveEndedAlready() throws Exception {
		UUID gone = UUID.randomUUID();
		ServiceAnswers.answer(IDENTITY, this.member,
				WireMock.delete(urlPathEqualTo("/api/contacts/" + this.contact + "/sessions/" + gone)), 404,
				ServiceAnswers.notFound());

		this.mvc.perform(post(panel() + "/sessions/" + gone + "/end").with(formOf(this.mvc, this.member)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(panel() + "?done=session-already-ended"));

		this.mvc.perform(get(panel()).cookie(session(this.member)).param("done", "session-already-ended"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("That portal session had already ended."),
					not(containsString("The portal session has ended")))));
	}

	@Test
	void anotherWorkspacesContactIsTheNotFoundPageAndNothingIsRevoked() throws Exception {
		UUID foreign = UUID.randomUUID();
		ServiceAnswers.answer(PROJECT, this.member, WireMock.get(urlPathEqualTo("/api/contacts/" + foreign)), 404,
				ServiceAnswers.notFound());

		this.mvc.perform(get("/contacts/" + foreign + "/access").cookie(session(this.member)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This page is not here")));
		this.mvc.perform(post("/contacts/" + foreign + "/access/links/revoke-all").with(formOf(this.mvc, this.member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/contacts/" + foreign + "/access/sessions/end-all").with(formOf(this.mvc, this.member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/contacts/" + foreign + "/access/sessions/" + this.portalSession + "/end")
			.with(formOf(this.mvc, this.member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/contacts/not-a-uuid/access").cookie(session(this.member)))
			.andExpect(status().isNotFound());

		identity().verify(0, anyRequestedFor(urlPathEqualTo("/api/contacts/" + foreign + "/links")));
		identity().verify(0, anyRequestedFor(urlPathEqualTo("/api/contacts/" + foreign + "/sessions")));
		identity().verify(0, anyRequestedFor(urlPathEqualTo("/api/contacts/" + foreign + "/sessions/" + this.portalSession)));
	}

	@Test
	void withoutASessionThePanelGoesToSignIn() throws Exception {
		int before = identity().findAll(anyRequestedFor(anyUrl())).size();
		this.mvc.perform(get(panel())).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get(panel()).cookie(new Cookie(SESSION_COOKIE, "session-ended")))
			.andExpect(redirectedUrl("/sign-in"));
		assertThat(identity().findAll(anyRequestedFor(anyUrl()))).hasSize(before);
	}

	@Test
	void identityDownIsTheUnavailablePage() throws Exception {
		ServiceAnswers.down(IDENTITY, this.member, WireMock.get(urlPathEqualTo("/api/contacts/" + this.contact + "/links")));

		this.mvc.perform(get(panel()).cookie(session(this.member)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
			.andExpect(content().string(allOf(containsString("This page is unavailable right now"),
					containsString("<span>identity</span>"))));
	}

	@Test
	void emailHistoryAndActivityDownLeaveTheRestOfThePanel() throws Exception {
		ServiceAnswers.down(NOTIFICATION, this.member, WireMock.get(urlPathEqualTo("/api/deliveries")));
		ServiceAnswers.down(PROJECT, this.member,
				WireMock.get(urlPathEqualTo("/api/contacts/" + this.contact + "/activity")));

		this.mvc.perform(get(panel()).cookie(session(this.member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The email history is unavailable right now."),
					containsString("The activity is unavailable right now."),
					containsString("<dt>Last viewed an estimate</dt><dd>Unknown</dd>"), containsString(">Active<"),
					containsString("Safari on iPhone"))));
	}

	@Test
	void formsWithoutTheirCsrfTokenAreRefusedAndIdentityIsNotCalled() throws Exception {
		for (String action : new String[] { "/links/" + this.link + "/revoke", "/links/revoke-all",
				"/sessions/end-all", "/sessions/" + this.portalSession + "/end" }) {
			this.mvc.perform(post(panel() + action).cookie(session(this.member)))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("This form has expired")));
		}
		identity().verify(0, deleteRequestedFor(anyUrl()).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer " + this.member.jwt())));
	}

	private String panel() {
		return "/contacts/" + this.contact + "/access";
	}

	private static WireMockServer identity() {
		return ServicesStub.of(IDENTITY);
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	private String link(UUID id, boolean active, String revokedReason) {
		return """
				{"id": "%s", "projectId": "%s", "issuedBy": "%s", "issuedAt": "2026-11-20T09:00:00Z",
				 "expiresAt": "2026-12-18T09:00:00Z", "lastUsedAt": "2026-11-28T07:04:00Z", "revokedAt": %s,
				 "revokedReason": %s, "active": %s}"""
			.formatted(id, this.project, this.member.staffId(), active ? "null" : "\"2026-11-28T11:00:00Z\"",
					(revokedReason != null) ? "\"" + revokedReason + "\"" : "null", active);
	}
}
