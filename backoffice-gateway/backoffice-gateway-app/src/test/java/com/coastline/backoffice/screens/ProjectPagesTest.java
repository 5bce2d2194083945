package com.coastline.backoffice.screens;

import java.time.Duration;
import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.CsrfTokens;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.support.ScreenStubs.answer;
import static com.coastline.backoffice.support.ScreenStubs.calls;
import static com.coastline.backoffice.support.ScreenStubs.server;
import static com.coastline.backoffice.support.SignedInScreens.SESSION_COOKIE;
import static com.coastline.backoffice.support.SignedInScreens.formOf;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The project screens against the services at their HTTP boundary: the list and a project's page render
 * project-service's, portal-service's and media-service's answers; the project menu's Customer Portal item is
 * there or says what is missing; the link without JavaScript; photo and document visibility; creating a project;
 * another workspace's ids, no session, a service down, forms without CSRF.
 */
@BackofficeGatewayTest
class ProjectPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theLandingPageHasTheLayoutAndLeadsToTheScreens() throws Exception {
		StaffMember member = member();

		this.mvc.perform(get("/").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<a class=\"workspace-name\" href=\"/\">Harbour Roofing</a>"),
					containsString("<a class=\"tile\" href=\"/projects\">"), containsString("<a class=\"tile\" href=\"/contacts\">"),
					containsString("<a class=\"tile\" href=\"/automations\">"),
					containsString("<a class=\"tile\" href=\"/settings/customer-portal\">"),
					containsString("action=\"/sign-out\""), not(containsString("aria-current")))));
	}

	@Test
	void theListShowsTheWorkspacesProjectsWithTheirPrimaryContacts() throws Exception {
		StaffMember member = member();
		UUID contact = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects", 200,
				"[" + ScreenStubs.project(project, "Roof repair", "IN_PROGRESS", contact) + "]");
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts", 200,
				"[" + ScreenStubs.contact(contact, "Dana", "Reyes", "dana@harbour.test") + "]");

		this.mvc.perform(get("/projects").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().string(allOf(containsString("href=\"/projects/" + project + "\">Roof repair</a>"),
					containsString("In progress"), containsString(">Dana Reyes</a>"),
					containsString("<a class=\"workspace-name\" href=\"/\">Harbour Roofing</a>"),
					containsString("href=\"/projects\" aria-current=\"page\""),
					containsString("href=\"/automations\""), containsString("href=\"/settings/customer-portal\""),
					not(containsString(member.jwt())))));
	}

	@Test
	void aProjectPageShowsStatusPrimaryContactSummariesPhotosAndDocuments() throws Exception {
		StaffMember member = member();
		UUID contact = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		UUID photo = UUID.randomUUID();
		UUID document = UUID.randomUUID();
		fullProject(member, project, contact);
		answer(BackOfficeService.PORTAL, member, "GET", "/api/projects/" + project + "/customer-portal-menu", 200,
				"{\"available\": true}");
		answer(BackOfficeService.MEDIA, member, "GET", "/api/projects/" + project + "/photos", 200,
				"[{\"id\": \"" + photo + "\", \"projectId\": \"" + project + "\", \"fileName\": \"ridge.jpg\", "
						+ "\"onPortal\": false, \"uploadedAt\": \"2026-11-20T09:00:00Z\", \"thumbnailUrl\": \"/api/photos/"
						+ photo + "/thumbnail\"}]");
		answer(BackOfficeService.MEDIA, member, "GET", "/api/projects/" + project + "/documents", 200,
				"[{\"id\": \"" + document + "\", \"projectId\": \"" + project + "\", \"fileName\": \"plan.pdf\", "
						+ "\"size\": 12288, \"uploadedAt\": \"2026-11-21T09:00:00Z\", \"shared\": true}]");

		this.mvc.perform(get("/projects/" + project).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Roof repair</h1>"), containsString("Estimating"),
					containsString(">Dana Reyes</a>"), containsString("dana@harbour.test"),
					containsString("New roof"), containsString("EUR 1,250.00"), containsString("Deposit"),
					containsString("EUR 400.00"), containsString("Overdue"),
					containsString("Tue 1 Dec 2026, 09:00–11:00 (Europe/Berlin)"), containsString("Sam Carter"),
					containsString("src=\"/api/photos/" + photo + "/thumbnail\""), containsString("alt=\"ridge.jpg\""),
					containsString("/projects/" + project + "/photos/" + photo + "/add-to-portal"),
					containsString("Add to customer portal"), not(containsString("Remove from customer portal")),
					containsString("href=\"/api/documents/" + document + "/file\">plan.pdf</a>"),
					containsString("12 KB"), containsString("Shared with the client"),
					containsString("/projects/" + project + "/documents/" + document + "/unshare"),
					containsString("data-api=\"/api/projects/" + project + "/photos\""),
					containsString("data-done=\"/projects/" + project + "?done=photo-uploaded#photos\""),
					containsString("name=\"_csrf\""), containsString("src=\"/assets/copy-link.js\""))));
	}

	@Test
	void thePartsOfAProjectPageAreAskedForAtOnce() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		fullProject(member, project, UUID.randomUUID());
		for (String part : new String[] { "estimates", "invoices", "appointments" }) {
			slow(BackOfficeService.PROJECT, member, "/api/projects/" + project + "/" + part);
		}
		for (String part : new String[] { "photos", "documents" }) {
			slow(BackOfficeService.MEDIA, member, "/api/projects/" + project + "/" + part);
		}
		slow(BackOfficeService.PORTAL, member, "/api/projects/" + project + "/customer-portal-menu");

		long started = System.nanoTime();
		this.mvc.perform(get("/projects/" + project).cookie(session(member))).andExpect(status().isOk());

		// Six parts of 600 ms each: 3.6 s one after the other.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
	}

	private static void slow(BackOfficeService service, StaffMember member, String path) {
		server(service).stubFor(WireMock.get(WireMock.urlPathEqualTo(path))
			.atPriority(1)
			.withHeader("Authorization", WireMock.equalTo("Bearer " + member.jwt()))
			.willReturn(WireMock.okJson(path.endsWith("menu") ? "{\"available\": true}" : "[]")
				.withFixedDelay(600)));
	}

	@Test
	void theProjectMenuOffersTheCustomerPortalWhenPortalServiceSaysSo() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		fullProject(member, project, UUID.randomUUID());
		answer(BackOfficeService.PORTAL, member, "GET", "/api/projects/" + project + "/customer-portal-menu", 200,
				"{\"available\": true}");

		this.mvc.perform(get("/projects/" + project).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Project menu"), containsString("Integrations"),
					containsString("action=\"/projects/" + project + "/customer-portal-link\""),
					containsString("data-api=\"/api/projects/" + project + "/customer-portal-link\""),
					containsString("<button type=\"submit\" class=\"menu-button\">Customer Portal</button>"))));
	}

	@Test
	void theProjectMenuSaysWhatIsMissingWhenTheItemIsNotAvailable() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		fullProject(member, project, UUID.randomUUID());
		answer(BackOfficeService.PORTAL, member, "GET", "/api/projects/" + project + "/customer-portal-menu", 200,
				"{\"available\": false, \"reason\": \"The Customer Portal is not active\"}");

		this.mvc.perform(get("/projects/" + project).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The Customer Portal is not active"),
					containsString("aria-disabled=\"true\">Customer Portal</span>"),
					not(containsString("/customer-portal-link")))));

		StaffMember other = member();
		UUID withoutContact = UUID.randomUUID();
		fullProject(other, withoutContact, UUID.randomUUID());
		answer(BackOfficeService.PORTAL, other, "GET", "/api/projects/" + withoutContact + "/customer-portal-menu",
				200, "{\"available\": false, \"reason\": \"The project has no primary contact\"}");
		this.mvc.perform(get("/projects/" + withoutContact).cookie(session(other)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The project has no primary contact"),
					not(containsString("/customer-portal-link")))));
	}

	@Test
	void withoutJavaScriptTheCustomerPortalItemShowsAFreshLinkFromPortalServiceToCopyByHand() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project, 200,
				ScreenStubs.project(project, "Roof repair", "APPROVED", UUID.randomUUID()));
		answer(BackOfficeService.PORTAL, member, "POST", "/api/projects/" + project + "/customer-portal-link", 200,
				"{\"url\": \"https://portal.test/p/harbour/l/one-tap-secret\", \"expiresAt\": \"2026-12-28T10:00:00Z\"}");

		this.mvc.perform(post("/projects/" + project + "/customer-portal-link").with(formOf(this.mvc, member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("readonly value=\"https://portal.test/p/harbour/l/one-tap-secret\""),
					containsString("28 Dec 2026"))));

		server(BackOfficeService.PORTAL)
			.verify(1, calls(member, "POST", "/api/projects/" + project + "/customer-portal-link"));
	}

	@Test
	void aLinkPortalServiceRefusesShowsWhy() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project, 200,
				ScreenStubs.project(project, "Roof repair", "LEAD", null));
		answer(BackOfficeService.PORTAL, member, "POST", "/api/projects/" + project + "/customer-portal-link", 409,
				"{\"type\": \"tag:coastline.app,2026:problem:customer-portal-unavailable\", \"status\": 409, "
						+ "\"detail\": \"The project has no primary contact\"}");

		this.mvc.perform(post("/projects/" + project + "/customer-portal-link").with(formOf(this.mvc, member)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("The project has no primary contact")));
	}

	@Test
	void addingAndRemovingAPhotoCallsMediaWithThePhotosId() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		UUID photo = UUID.randomUUID();
		answer(BackOfficeService.MEDIA, member, "POST", "/api/photos/add-to-portal", 200, "[]");
		answer(BackOfficeService.MEDIA, member, "POST", "/api/photos/remove-from-portal", 200, "[]");

		this.mvc.perform(post("/projects/" + project + "/photos/" + photo + "/add-to-portal")
			.with(formOf(this.mvc, member)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/projects/" + project + "?done=photo-added#photos"));
		server(BackOfficeService.MEDIA).verify(1, calls(member, "POST", "/api/photos/add-to-portal")
			.withRequestBody(equalToJson("{\"photoIds\": [\"" + photo + "\"]}")));

		this.mvc.perform(post("/projects/" + project + "/photos/" + photo + "/remove-from-portal")
			.with(formOf(this.mvc, member)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/projects/" + project + "?done=photo-removed#photos"));
		server(BackOfficeService.MEDIA).verify(1, calls(member, "POST", "/api/photos/remove-from-portal")
			.withRequestBody(equalToJson("{\"photoIds\": [\"" + photo + "\"]}")));
	}

	@Test
	void sharingAndUnsharingADocumentCallsMediaForThatDocument() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		UUID document = UUID.randomUUID();
		answer(BackOfficeService.MEDIA, member, "POST", "/api/documents/" + document + "/share", 200, "{}");
		answer(BackOfficeService.MEDIA, member, "POST", "/api/documents/" + document + "/unshare", 200, "{}");

		this.mvc.perform(post("/projects/" + project + "/documents/" + document + "/share")
			.with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/projects/" + project + "?done=document-shared#documents"));
		this.mvc.perform(post("/projects/" + project + "/documents/" + document + "/unshare")
			.with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/projects/" + project + "?done=document-unshared#documents"));

		server(BackOfficeService.MEDIA).verify(1, calls(member, "POST", "/api/documents/" + document + "/share"));
		server(BackOfficeService.MEDIA).verify(1, calls(member, "POST", "/api/documents/" + document + "/unshare"));
	}

	@Test
	void aDocumentMediaRefusesToShareShowsMediasMessage() throws Exception {
		StaffMember member = member();
		UUID document = UUID.randomUUID();
		answer(BackOfficeService.MEDIA, member, "POST", "/api/documents/" + document + "/share", 422,
				"{\"type\": \"tag:coastline.app,2026:problem:unsupported-file-type\", \"status\": 422, "
						+ "\"detail\": \"Legacy .doc files cannot be shared; send a .docx or PDF.\"}");

		this.mvc.perform(post("/projects/" + UUID.randomUUID() + "/documents/" + document + "/share")
			.with(formOf(this.mvc, member)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Legacy .doc files cannot be shared; send a .docx or PDF.")));
	}

	@Test
	void anUploadedPhotoReachesMediaAsTheMultipartPartFile() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		answer(BackOfficeService.MEDIA, member, "POST", "/api/projects/" + project + "/photos", 201, "{}");
		byte[] jpeg = new byte[2 * 1024 * 1024];
		jpeg[0] = (byte) 0xFF;
		jpeg[1] = (byte) 0xD8;

		this.mvc.perform(multipart("/projects/" + project + "/photos")
			.file(new MockMultipartFile("file", "ridge.jpg", "image/jpeg", jpeg))
			.with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/projects/" + project + "?done=photo-uploaded#photos"));

		server(BackOfficeService.MEDIA).verify(1, calls(member, "POST", "/api/projects/" + project + "/photos")
			.withHeader("Content-Type", containing("multipart/form-data"))
			.withRequestBody(containing("filename=\"ridge.jpg\"")));
	}

	@Test
	void theNewProjectFormOffersTheWorkspacesActiveContacts() throws Exception {
		StaffMember member = member();
		UUID dana = UUID.randomUUID();
		UUID archived = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts", 200,
				"[" + ScreenStubs.contact(dana, "Dana", "Reyes", "dana@harbour.test") + ", "
						+ ScreenStubs.contact(archived, "Old", "Client", "old@harbour.test").replace("\"archived\": false",
								"\"archived\": true")
						+ "]");

		this.mvc.perform(get("/projects/new").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("action=\"/projects\""),
					containsString("<option value=\"" + dana + "\">Dana Reyes (dana@harbour.test)</option>"),
					not(containsString(archived.toString())), containsString("name=\"_csrf\""))));
	}

	@Test
	void creatingAProjectPostsItToProjectServiceAndOpensIt() throws Exception {
		StaffMember member = member();
		UUID contact = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects", 201,
				ScreenStubs.project(project, "Kitchen", "LEAD", contact));

		this.mvc.perform(post("/projects").with(formOf(this.mvc, member))
			.param("name", " Kitchen ")
			.param("address", "")
			.param("primaryContactId", contact.toString()))
			.andExpect(redirectedUrl("/projects/" + project + "?done=created"));

		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects")
			.withRequestBody(matchingJsonPath("$.name", WireMock.equalTo("Kitchen")))
			.withRequestBody(matchingJsonPath("$.primaryContactId",
					WireMock.equalTo(contact.toString()))));
	}

	@Test
	void aProjectProjectServiceRefusesShowsTheFormAgainWithTheErrorsByTheirFields() throws Exception {
		StaffMember member = member();
		UUID contact = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts", 200,
				"[" + ScreenStubs.contact(contact, "Dana", "Reyes", "dana@harbour.test") + "]");
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects", 422,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 422, "
						+ "\"errors\": [{\"field\": \"primaryContactId\", \"message\": \"must be an active contact\"}]}");

		this.mvc.perform(post("/projects").with(formOf(this.mvc, member))
			.param("name", "Kitchen")
			.param("primaryContactId", contact.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("value=\"Kitchen\""),
					containsString("id=\"contact-error\">must be an active contact</p>"),
					containsString("aria-invalid=\"true\" aria-describedby=\"contact-error\""))));
	}

	@Test
	void anotherWorkspacesOrAnUnknownProjectIsTheNotFoundPage() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + elsewhere, 404, ScreenStubs.notFound());

		this.mvc.perform(get("/projects/" + elsewhere).cookie(session(member)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This page is not here")));
		this.mvc.perform(get("/projects/not-a-project").cookie(session(member)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This page is not here")));
		this.mvc.perform(post("/projects/not-a-project/photos/also-not/add-to-portal")
			.with(formOf(this.mvc, member)))
			.andExpect(status().isNotFound());
		server(BackOfficeService.MEDIA).verify(0, calls(member, "POST", "/api/photos/add-to-portal"));
	}

	@Test
	void withoutASessionTheScreensSendToSignIn() throws Exception {
		this.mvc.perform(get("/projects")).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/projects/" + UUID.randomUUID())).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/projects/new").cookie(new Cookie(SESSION_COOKIE, "ended-" + UUID.randomUUID())))
			.andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(post("/projects/" + UUID.randomUUID() + "/customer-portal-link")
			.with(CsrfTokens.fetch(this.mvc).asField())).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void projectServiceDownIsTheServiceUnavailablePageNotAnError() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		ScreenStubs.down(BackOfficeService.PROJECT, "GET", "/api/projects/" + project);

		this.mvc.perform(get("/projects/" + project).cookie(session(member)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
			.andExpect(content().string(allOf(containsString("This page is unavailable right now"),
					containsString("Harbour Roofing"))));
	}

	@Test
	void anUnreadableAnswerIsTheServiceUnavailablePageToo() throws Exception {
		StaffMember member = member();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects", 200, "{\"service\": \"not a list\"}");

		this.mvc.perform(get("/projects").cookie(session(member)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("This page is unavailable right now")));
	}

	@Test
	void mediaOrPortalDownGreysOutTheirPartsWhileTheProjectStillShows() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		fullProject(member, project, UUID.randomUUID());
		ScreenStubs.down(BackOfficeService.MEDIA, "GET", "/api/projects/" + project + "/photos");
		ScreenStubs.down(BackOfficeService.MEDIA, "GET", "/api/projects/" + project + "/documents");
		ScreenStubs.down(BackOfficeService.PORTAL, "GET", "/api/projects/" + project + "/customer-portal-menu");

		this.mvc.perform(get("/projects/" + project).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Roof repair</h1>"),
					containsString("Photos are unavailable right now."),
					containsString("Documents are unavailable right now."),
					containsString("The Customer Portal cannot be reached right now"))));
	}

	@Test
	void formsWithoutACsrfTokenAreRefusedAndNothingReachesTheServices() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		UUID photo = UUID.randomUUID();

		this.mvc.perform(post("/projects/" + project + "/photos/" + photo + "/add-to-portal").cookie(session(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/projects/" + project + "/customer-portal-link").cookie(session(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/projects").cookie(session(member)).param("name", "Kitchen"))
			.andExpect(status().isForbidden());

		server(BackOfficeService.MEDIA).verify(0, anyRequestedFor(urlPathMatching("/api/photos/.*"))
			.withHeader("Authorization", WireMock.equalTo("Bearer " + member.jwt())));
		server(BackOfficeService.PORTAL).verify(0, calls(member, "POST", "/api/projects/" + project + "/customer-portal-link"));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects"));
	}

	/** A project with a primary contact, two estimates' worth of summaries, an overdue invoice and a visit. */
	private static void fullProject(StaffMember member, UUID project, UUID contact) {
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project, 200,
				ScreenStubs.project(project, "Roof repair", "ESTIMATING", contact));
		answer(BackOfficeService.PROJECT, member, "GET", "/api/contacts/" + contact, 200,
				ScreenStubs.contact(contact, "Dana", "Reyes", "dana@harbour.test"));
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project + "/estimates", 200,
				"[{\"id\": \"" + UUID.randomUUID() + "\", \"currency\": \"EUR\", \"status\": \"SENT\", "
						+ "\"currentVersion\": 2, \"versions\": [{\"number\": 1, \"title\": \"Old roof\", "
						+ "\"totalMinor\": 100000}, {\"number\": 2, \"title\": \"New roof\", \"totalMinor\": 125000}]}]");
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project + "/invoices", 200,
				"[{\"id\": \"" + UUID.randomUUID() + "\", \"title\": \"Deposit\", \"currency\": \"EUR\", "
						+ "\"status\": \"OPEN\", \"overdue\": true, \"dueDate\": \"2026-11-20\", \"totalMinor\": 50000, "
						+ "\"balanceDueMinor\": 40000}]");
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project + "/appointments", 200,
				"[{\"id\": \"" + UUID.randomUUID() + "\", \"startsAt\": \"2026-12-01T08:00:00Z\", "
						+ "\"endsAt\": \"2026-12-01T10:00:00Z\", \"timeZone\": \"Europe/Berlin\", "
						+ "\"assigneeName\": \"Sam Carter\", \"status\": \"SCHEDULED\"}]");
		answer(BackOfficeService.MEDIA, member, "GET", "/api/projects/" + project + "/photos", 200, "[]");
		answer(BackOfficeService.MEDIA, member, "GET", "/api/projects/" + project + "/documents", 200, "[]");
	}
}
