package com.coastline.backoffice.screens;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import com.coastline.backoffice.support.SignedInScreens;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens' plain upload forms (without JavaScript) over real HTTP (Tomcat parses the multipart body, which
 * MockMvc does not): a phone photo of several MB reaches media-service intact, up to media-service's own limit
 * (25 MB); a larger one is cut off while it is read and answered with the 413 page that says the limit, and
 * nothing reaches media-service. The file goes on to media-service streamed, chunked (without a
 * {@code Content-Length}: nothing read it whole first; {@link ScreenUploadStreamingTest} shows when its bytes
 * leave). The form sends its CSRF token as a browser does: the page's form field, and in
 * the form's address (where it is still read when the body is cut off).
 */
@BackofficeGatewayTest
class ScreenUploadTest {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

	@LocalServerPort
	int port;

	@Test
	void aPhonePhotoOfSeveralMegabytesReachesMediaIntact() throws Exception {
		StaffMember member = SignedInScreens.member();
		UUID project = UUID.randomUUID();
		String path = "/api/projects/" + project + "/photos";
		ScreenStubs.answer(BackOfficeService.MEDIA, member, "POST", path, 201, "{}");
		byte[] photo = bytes(6 * 1024 * 1024 + 17);

		HttpResponse<String> response = upload(member, "/projects/" + project + "/photos", "IMG_2041.jpg",
				"image/jpeg", photo);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/projects/" + project + "?done=photo-uploaded#photos"));
		LoggedRequest received = ScreenStubs.server(BackOfficeService.MEDIA)
			.findAll(ScreenStubs.calls(member, "POST", path))
			.get(0);
		// A client that buffered the body whole would have sent it with its Content-Length.
		assertThat(received.containsHeader("Content-Length")).isFalse();
		assertThat(received.getPart("file").getBody().asBytes()).hasSize(photo.length).isEqualTo(photo);
		assertThat(received.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("image/jpeg");
		assertThat(received.getPart("file").getHeader("Content-Disposition").firstValue())
			.contains("filename=\"IMG_2041.jpg\"");
	}

	@Test
	void aDocumentOfSeveralMegabytesReachesMediaIntact() throws Exception {
		StaffMember member = SignedInScreens.member();
		UUID project = UUID.randomUUID();
		String path = "/api/projects/" + project + "/documents";
		ScreenStubs.answer(BackOfficeService.MEDIA, member, "POST", path, 201, "{}");
		byte[] pdf = bytes(3 * 1024 * 1024);

		HttpResponse<String> response = upload(member, "/projects/" + project + "/documents", "survey.pdf",
				"application/pdf", pdf);

		assertThat(response.statusCode()).isEqualTo(302);
		LoggedRequest received = ScreenStubs.server(BackOfficeService.MEDIA)
			.findAll(ScreenStubs.calls(member, "POST", path))
			.get(0);
		assertThat(received.getPart("file").getBody().asBytes()).isEqualTo(pdf);
	}

	@Test
	void aFileOverMediasLimitGetsThePageThatSaysSoAndReachesNothing() throws Exception {
		StaffMember member = SignedInScreens.member();
		UUID project = UUID.randomUUID();
		String path = "/api/projects/" + project + "/photos";
		ScreenStubs.answer(BackOfficeService.MEDIA, member, "POST", path, 201, "{}");

		HttpResponse<String> response = upload(member, "/projects/" + project + "/photos", "video.jpg", "image/jpeg",
				bytes(25 * 1024 * 1024 + 512 * 1024));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("The file is larger than 25 MB. Send a smaller one.")
			.contains("Harbour Roofing");
		assertThat(ScreenStubs.server(BackOfficeService.MEDIA).findAll(ScreenStubs.calls(member, "POST", path)))
			.isEmpty();
	}

	/** The form as a browser posts it: session and CSRF cookies, the token in the address and as a field. */
	private HttpResponse<String> upload(StaffMember member, String action, String filename, String type,
			byte[] content) throws Exception {
		String[] csrf = csrf();
		String boundary = "----WebKitFormBoundary" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf[1]
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return send(HttpRequest
			.newBuilder(uri(action + "?_csrf=" + URLEncoder.encode(csrf[1], StandardCharsets.UTF_8)))
			.header("Cookie", SignedInScreens.SESSION_COOKIE + "=" + member.sessionId() + "; " + csrf[0])
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Sec-Fetch-Site", "same-origin")
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** The CSRF cookie ({@code name=value}) and the page's token, as a browser gets them from the sign-in page. */
	private String[] csrf() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/sign-in")).GET());
		String cookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("__Host-coastline-staff-csrf="))
			.findFirst()
			.orElseThrow();
		Matcher token = CSRF_META.matcher(page.body());
		assertThat(token.find()).isTrue();
		return new String[] { cookie.substring(0, cookie.indexOf(';')), token.group(1) };
	}

	private static byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
