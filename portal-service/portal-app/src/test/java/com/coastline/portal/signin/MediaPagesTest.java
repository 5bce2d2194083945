package com.coastline.portal.signin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.coastline.portal.support.IdentityStub;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.PortalServiceTest;
import com.coastline.portal.support.ServicesStub;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.portal.support.PortalFixture.slug;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The photo viewer, the relayed image and downloads, and the documents page, against project-service and
 * media-service stood in for at their HTTP boundary, answering only the signed-in client's JWT.
 */
@PortalServiceTest
class MediaPagesTest {

	private static final String SESSION_COOKIE = "__Host-coastline-portal-session";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	CircuitBreakerRegistry breakers;

	UUID workspace;

	String slug;

	String sessionId;

	String jwt;

	UUID project;

	@BeforeEach
	void setUp() throws Exception {
		this.workspace = UUID.randomUUID();
		this.slug = slug("harbor");
		new PortalFixture(this.mvc, this.jdbc, this.environment).activePortal(this.workspace, this.slug);
		this.sessionId = "session-" + UUID.randomUUID();
		this.jwt = IdentityStub.sessionLive(this.sessionId, this.workspace, UUID.randomUUID());
		this.project = UUID.randomUUID();
		this.breakers.circuitBreaker("project").reset();
		this.breakers.circuitBreaker("media").reset();
	}

	@Test
	void theProjectPageLinksEachPhotoToTheViewerAndEachDocumentToItsDownload() throws Exception {
		stubProject("Kitchen");
		UUID photo = UUID.randomUUID();
		stubGallery(photo);
		UUID document = UUID.randomUUID();
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/documents", """
				[{"id": "%s", "projectId": "%s", "fileName": "<script>x</script>.pdf", "contentType": "application/pdf",
				  "size": 2048, "sharedAt": "2026-11-25T10:00:00Z", "fileUrl": "/portal/documents/x/file"}]
				""".formatted(document, this.project));

		String html = page("/p/" + this.slug + "/projects/" + this.project).getContentAsString();

		assertThat(html)
			.contains("<a href=\"/p/" + this.slug + "/photos/" + photo + "?project=" + this.project + "\">")
			.contains("href=\"/p/" + this.slug + "/documents/" + document + "/download\"")
			.contains("&lt;script&gt;x&lt;/script&gt;.pdf")
			.doesNotContain("<script>x</script>");
	}

	@Test
	void theViewerShowsThePhotoItsPlaceItsNeighboursAndDownload() throws Exception {
		stubProject("Kitchen <remodel>");
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		stubGallery(first, second, third);

		MockHttpServletResponse middle = page(viewer(second));
		MockHttpServletResponse start = page(viewer(first));
		MockHttpServletResponse end = page(viewer(third));

		assertThat(middle.getStatus()).isEqualTo(200);
		assertThat(middle.getContentAsString()).contains("<h1>Photo 2 of 3</h1>")
			.contains("<title>Photo 2 of 3 · ")
			.contains("src=\"/p/" + this.slug + "/photos/" + second + "/image\"")
			.contains("alt=\"Photo 2 of 3 of Kitchen &lt;remodel&gt;, added 26 Nov 2026\"")
			.contains("width=\"800\" height=\"600\"")
			.contains("rel=\"prev\"")
			.contains("href=\"" + viewer(first).replace("&", "&amp;") + "\">Previous photo</a>")
			.contains("href=\"" + viewer(third).replace("&", "&amp;") + "\">Next photo</a>")
			.contains("href=\"/p/" + this.slug + "/photos/" + second + "/download?project=" + this.project
					+ "\">Download</a>")
			.contains("href=\"/p/" + this.slug + "/projects/" + this.project + "\">Back to project</a>")
			.contains("<script src=\"/p/assets/photo.js\" defer></script>")
			.doesNotContain("Kitchen <remodel>");
		assertThat(start.getContentAsString()).contains("Photo 1 of 3")
			.contains("First photo")
			.doesNotContain("Previous photo")
			.contains("Next photo");
		assertThat(end.getContentAsString()).contains("Photo 3 of 3").contains("Last photo").doesNotContain("Next photo");
		assertThat(ServicesStub.requests("/portal/projects/" + this.project + "/photos")).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt));
	}

	@Test
	void aPhotoTheClientMayNotSeeIsTheNotFoundPage() throws Exception {
		stubProject("Kitchen");
		UUID shared = UUID.randomUUID();
		stubGallery(shared);
		UUID theirProject = UUID.randomUUID();
		String otherJwt = IdentityStub.sessionLive("session-" + UUID.randomUUID(), this.workspace, UUID.randomUUID());
		ServicesStub.json(otherJwt, "/portal/projects/" + theirProject, """
				{"id": "%s", "name": "Their kitchen", "status": "LEAD"}""".formatted(theirProject));
		ServicesStub.json(otherJwt, "/portal/projects/" + theirProject + "/photos", gallery(theirProject, shared));

		String base = "/p/" + this.slug + "/photos/";
		assertThat(page(base + UUID.randomUUID() + "?project=" + this.project).getStatus()).isEqualTo(404);
		assertThat(page(base + shared + "?project=" + theirProject).getStatus()).isEqualTo(404);
		assertThat(page(base + shared + "?project=" + theirProject).getContentAsString()).contains("Page not found")
			.doesNotContain("Their kitchen");
		assertThat(page(base + shared).getStatus()).isEqualTo(404);
		assertThat(page(base + shared + "?project=nope").getStatus()).isEqualTo(404);
		assertThat(page(base + "not-a-uuid?project=" + this.project).getStatus()).isEqualTo(404);
		MockHttpServletResponse signedOut = this.mvc.perform(get(viewer(shared))).andReturn().getResponse();
		assertThat(signedOut.getStatus()).isEqualTo(302);
		assertThat(signedOut.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
	}

	@Test
	void mediaServiceDownGreysOutTheViewer() throws Exception {
		stubProject("Kitchen");
		ServicesStub.status(this.jwt, "/portal/projects/" + this.project + "/photos", 503);

		MockHttpServletResponse page = page(viewer(UUID.randomUUID()));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Photos are unavailable right now")
			.contains("Back to project")
			.doesNotContain("photo.js");
	}

	@Test
	void theWebSizeImageIsRelayedWithTheClientsTokenAndOnlyImagesPassAsImages() throws Exception {
		UUID photo = UUID.randomUUID();
		byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3 };
		ServicesStub.bytes(this.jwt, "/portal/photos/" + photo + "/web", "image/jpeg", jpeg);
		UUID notImage = UUID.randomUUID();
		ServicesStub.bytes(this.jwt, "/portal/photos/" + notImage + "/web", "text/html",
				"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		UUID down = UUID.randomUUID();
		ServicesStub.status(this.jwt, "/portal/photos/" + down + "/web", 503);

		MockHttpServletResponse image = page(image(photo));
		MockHttpServletResponse html = page(image(notImage));
		MockHttpServletResponse unknown = page(image(UUID.randomUUID()));
		MockHttpServletResponse unavailable = page(image(down));
		MockHttpServletResponse signedOut = this.mvc.perform(get(image(photo))).andReturn().getResponse();

		assertThat(image.getStatus()).isEqualTo(200);
		assertThat(image.getContentType()).isEqualTo("image/jpeg");
		assertThat(image.getContentAsByteArray()).isEqualTo(jpeg);
		assertThat(image.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(image.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(image.getHeader("Content-Disposition")).isNull();
		assertThat(html.getContentType()).isEqualTo("application/octet-stream");
		assertThat(html.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(unavailable.getStatus()).isEqualTo(503);
		assertThat(signedOut.getStatus()).isEqualTo(404);
		assertThat(page("/p/" + this.slug + "/photos/nope/image").getStatus()).isEqualTo(404);
	}

	@Test
	void aPhotoDownloadsAsAnAttachmentNamedByItsDate() throws Exception {
		UUID photo = UUID.randomUUID();
		stubGallery(photo);
		byte[] jpeg = { (byte) 0xff, (byte) 0xd8, 9, 9 };
		ServicesStub.answer(this.jwt, "/portal/photos/" + photo + "/web", aResponse().withStatus(200)
			.withHeader("Content-Type", "image/jpeg")
			.withHeader("Content-Disposition", "inline; filename=\"IMG_2041 Smith house.jpg\"")
			.withBody(jpeg));

		MockHttpServletResponse download = page(
				"/p/" + this.slug + "/photos/" + photo + "/download?project=" + this.project);
		MockHttpServletResponse withoutProject = page("/p/" + this.slug + "/photos/" + photo + "/download");
		MockHttpServletResponse unknown = page("/p/" + this.slug + "/photos/" + UUID.randomUUID() + "/download");

		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).isEqualTo("image/jpeg");
		assertThat(download.getContentAsByteArray()).isEqualTo(jpeg);
		assertThat(download.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"photo-2026-11-25.jpg\"; filename*=UTF-8''photo-2026-11-25.jpg");
		assertThat(download.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(withoutProject.getHeader("Content-Disposition")).startsWith("attachment; filename=\"photo.jpg\"");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString()).contains("Page not found");
	}

	@Test
	void aDocumentDownloadsUnderItsNameSafelyEncoded() throws Exception {
		UUID hostile = UUID.randomUUID();
		byte[] pdf = "%PDF-1.7 contract".getBytes(StandardCharsets.US_ASCII);
		stubFile(hostile, "application/pdf", "attachment; filename*=UTF-8''a%22b%0D%0AX.pdf", pdf);
		UUID french = UUID.randomUUID();
		stubFile(french, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				"attachment; filename=\"x\"; filename*=UTF-8''Devis%20fa%C3%A7ade%20%E2%80%93%20%C3%A9t%C3%A9.docx", pdf);
		UUID unnamed = UUID.randomUUID();
		stubFile(unnamed, "application/pdf", null, pdf);

		MockHttpServletResponse download = page(documentDownload(hostile));
		MockHttpServletResponse nonAscii = page(documentDownload(french));
		MockHttpServletResponse noName = page(documentDownload(unnamed));

		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).isEqualTo("application/pdf");
		assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
		assertThat(download.getHeader("Content-Length")).isEqualTo(Integer.toString(pdf.length));
		assertThat(download.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"a_bX.pdf\"; filename*=UTF-8''a_bX.pdf")
			.doesNotContain("\r")
			.doesNotContain("\n");
		assertThat(download.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(nonAscii.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(nonAscii.getHeader("Content-Disposition")).isEqualTo(
				"attachment; filename=\"Devis facade _ ete.docx\"; filename*=UTF-8''Devis%20fa%C3%A7ade%20%E2%80%93%20%C3%A9t%C3%A9.docx");
		assertThat(noName.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"document\"; filename*=UTF-8''document");
		assertThat(ServicesStub.requests("/portal/documents/" + hostile + "/file")).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt));
	}

	@Test
	void aLargeDocumentArrivesWholeEvenWhenItTakesLongerThanTheServiceTimeout() throws Exception {
		UUID document = UUID.randomUUID();
		byte[] large = new byte[3 * 1024 * 1024];
		Arrays.fill(large, (byte) 'x');
		large[large.length - 1] = 'z';
		ServicesStub.answer(this.jwt, "/portal/documents/" + document + "/file", aResponse().withStatus(200)
			.withHeader("Content-Type", "application/zip")
			.withHeader("Content-Disposition", "attachment; filename=\"photos.zip\"")
			.withBody(large)
			.withChunkedDribbleDelay(20, 1500));

		MockHttpServletResponse download = page(documentDownload(document));

		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentAsByteArray()).hasSize(large.length).isEqualTo(large);
	}

	@Test
	void anotherClientsDocumentIsTheNotFoundPageAndMediaDownIsTryAgain() throws Exception {
		UUID theirs = UUID.randomUUID();
		String otherJwt = IdentityStub.sessionLive("session-" + UUID.randomUUID(), this.workspace, UUID.randomUUID());
		ServicesStub.bytes(otherJwt, "/portal/documents/" + theirs + "/file", "application/pdf", new byte[] { 1 });
		UUID down = UUID.randomUUID();
		ServicesStub.status(this.jwt, "/portal/documents/" + down + "/file", 502);
		UUID slow = UUID.randomUUID();
		ServicesStub.answer(this.jwt, "/portal/documents/" + slow + "/file",
				aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody("x").withFixedDelay(3000));

		long started = System.nanoTime();
		MockHttpServletResponse stalled = page(documentDownload(slow));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		MockHttpServletResponse other = page(documentDownload(theirs));
		MockHttpServletResponse malformed = page("/p/" + this.slug + "/documents/not-a-uuid/download");
		MockHttpServletResponse unavailable = page(documentDownload(down));
		MockHttpServletResponse signedOut = this.mvc.perform(get(documentDownload(theirs))).andReturn().getResponse();

		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentType()).startsWith("text/html");
		assertThat(other.getContentAsString()).contains("Page not found");
		assertThat(malformed.getStatus()).isEqualTo(404);
		assertThat(unavailable.getStatus()).isEqualTo(503);
		assertThat(unavailable.getContentAsString()).contains("This file is unavailable right now");
		assertThat(stalled.getStatus()).isEqualTo(503);
		assertThat(took).isLessThan(Duration.ofMillis(1500));
		assertThat(signedOut.getStatus()).isEqualTo(302);
		assertThat(signedOut.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
	}

	@Test
	void theDocumentsPageGroupsTheSharedDocumentsByProject() throws Exception {
		UUID other = UUID.randomUUID();
		UUID empty = UUID.randomUUID();
		stubProjects("""
				[{"id": "%s", "name": "Kitchen <remodel>", "status": "IN_PROGRESS"},
				 {"id": "%s", "name": "Deck", "status": "LEAD"},
				 {"id": "%s", "name": "Garage", "status": "LEAD"}]""".formatted(this.project, other, empty));
		UUID contract = UUID.randomUUID();
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/documents", """
				[{"id": "%s", "projectId": "%s", "fileName": "contract & terms.pdf", "contentType": "application/pdf",
				  "size": 12000, "sharedAt": "2026-11-25T10:00:00Z"}]""".formatted(contract, this.project));
		UUID permit = UUID.randomUUID();
		ServicesStub.json(this.jwt, "/portal/projects/" + other + "/documents", """
				[{"id": "%s", "projectId": "%s", "fileName": "permit.pdf", "contentType": "application/pdf",
				  "size": 3000000, "sharedAt": "2026-11-20T10:00:00Z"}]""".formatted(permit, other));
		ServicesStub.json(this.jwt, "/portal/projects/" + empty + "/documents", "[]");

		MockHttpServletResponse page = page("/p/" + this.slug + "/documents");

		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).contains("<h1>Documents</h1>")
			.contains(">Kitchen &lt;remodel&gt;</a></h2>")
			.contains("href=\"/p/" + this.slug + "/documents/" + contract + "/download\"")
			.contains(">contract &amp; terms.pdf</a>")
			.contains("12 KB")
			.contains("href=\"/p/" + this.slug + "/documents/" + permit + "/download\"")
			.contains("2.9 MB")
			.contains("No documents have been shared yet.")
			.doesNotContain("unavailable right now")
			.doesNotContain("No documents have been shared with you yet.");
		assertThat(html.indexOf("Kitchen &lt;remodel&gt;")).isLessThan(html.indexOf("contract &amp; terms.pdf"));
		assertThat(html.indexOf("contract &amp; terms.pdf")).isLessThan(html.indexOf(">Deck<"));
		assertThat(html.indexOf(">Deck<")).isLessThan(html.indexOf("permit.pdf"));
		assertThat(html).contains("aria-current=\"page\">Documents</a>");
		assertThat(ServicesStub.requests("/portal/projects/" + other + "/documents")).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + this.jwt));
	}

	@Test
	void mediaServiceDownGreysOutTheDocumentsItDidNotGive() throws Exception {
		UUID other = UUID.randomUUID();
		stubProjects("""
				[{"id": "%s", "name": "Kitchen", "status": "IN_PROGRESS"},
				 {"id": "%s", "name": "Deck", "status": "LEAD"}]""".formatted(this.project, other));
		ServicesStub.status(this.jwt, "/portal/projects/" + this.project + "/documents", 503);
		ServicesStub.json(this.jwt, "/portal/projects/" + other + "/documents", """
				[{"id": "%s", "projectId": "%s", "fileName": "permit.pdf", "contentType": "application/pdf",
				  "size": 300, "sharedAt": "2026-11-20T10:00:00Z"}]""".formatted(UUID.randomUUID(), other));

		MockHttpServletResponse page = page("/p/" + this.slug + "/documents");

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Documents are unavailable right now").contains("permit.pdf");
	}

	@Test
	void documentsPageEmptyAndUnavailableStates() throws Exception {
		stubProjects("[{\"id\": \"%s\", \"name\": \"Kitchen\", \"status\": \"LEAD\"}]".formatted(this.project));
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/documents", "[]");

		MockHttpServletResponse nothing = page("/p/" + this.slug + "/documents");
		ServicesStub.status(this.jwt, "/portal/projects", 500);
		MockHttpServletResponse down = page("/p/" + this.slug + "/documents");
		MockHttpServletResponse signedOut = this.mvc.perform(get("/p/" + this.slug + "/documents"))
			.andReturn()
			.getResponse();

		assertThat(nothing.getContentAsString()).contains("No documents have been shared with you yet.");
		assertThat(down.getStatus()).isEqualTo(200);
		assertThat(down.getContentAsString()).contains("Your documents are unavailable right now")
			.contains("aria-current=\"page\">Documents</a>");
		assertThat(signedOut.getStatus()).isEqualTo(302);
		assertThat(signedOut.getHeader("Location")).isEqualTo("/p/" + this.slug + "/sign-in");
	}

	private void stubProject(String name) {
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project, """
				{"id": "%s", "name": "%s", "address": "4 Elm St", "status": "ESTIMATING", "updatedAt": "2026-11-25T10:00:00Z"}
				""".formatted(this.project, name));
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/timeline", "[]");
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/appointments", "{\"upcoming\": [], \"past\": []}");
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/documents", "[]");
	}

	private void stubProjects(String json) {
		ServicesStub.json(this.jwt, "/portal/projects", json);
	}

	private void stubGallery(UUID... photos) {
		ServicesStub.json(this.jwt, "/portal/projects/" + this.project + "/photos", gallery(this.project, photos));
	}

	private void stubFile(UUID document, String type, String disposition, byte[] body) {
		var response = aResponse().withStatus(200)
			.withHeader("Content-Type", type)
			.withHeader("Content-Length", Integer.toString(body.length))
			.withBody(body);
		if (disposition != null) {
			response.withHeader("Content-Disposition", disposition);
		}
		ServicesStub.answer(this.jwt, "/portal/documents/" + document + "/file", response);
	}

	private static String gallery(UUID project, UUID... photos) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < photos.length; i++) {
			json.append((i > 0) ? "," : "")
				.append("""
						{"id": "%s", "projectId": "%s", "width": 800, "height": 600, "addedAt": "2026-11-2%dT23:30:00Z",
						 "thumbnailUrl": "/portal/photos/x/thumbnail", "webUrl": "/portal/photos/x/web"}"""
					.formatted(photos[i], project, 5 + i));
		}
		return json.append(']').toString();
	}

	private String viewer(UUID photo) {
		return "/p/" + this.slug + "/photos/" + photo + "?project=" + this.project;
	}

	private String image(UUID photo) {
		return "/p/" + this.slug + "/photos/" + photo + "/image";
	}

	private String documentDownload(UUID document) {
		return "/p/" + this.slug + "/documents/" + document + "/download";
	}

	private MockHttpServletResponse page(String path) throws Exception {
		return this.mvc.perform(get(path).cookie(new Cookie(SESSION_COOKIE, this.sessionId))).andReturn().getResponse();
	}
}
