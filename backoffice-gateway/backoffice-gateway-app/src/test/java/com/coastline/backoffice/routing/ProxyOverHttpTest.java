package com.coastline.backoffice.routing;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ServicesStub;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes over real HTTP (Tomcat, not MockMvc): request bodies, a multipart upload larger than Spring's
 * default multipart limit, and the service's answer (status, headers, body) pass through untouched; the request
 * id is echoed once. An upload streams on as it comes (one of unknown length leaves without a length: nothing
 * buffered it whole); one larger than media-service's limit is refused with a 413 problem, nothing forwarded.
 */
@BackofficeGatewayTest
class ProxyOverHttpTest {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

	@LocalServerPort
	int port;

	@Test
	void aJsonBodyAndTheServicesAnswerPassThrough() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID() + "/approve";
		ServicesStub.of(BackOfficeService.PROJECT)
			.stubFor(post(urlPathEqualTo(path)).atPriority(1)
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withHeader("Location", "/api/projects/1")
					.withBody("{\"status\": \"APPROVED\"}")));
		String[] csrf = csrf();
		String body = "{\"note\": \"approved on site, \u00e9t\u00e9\"}";

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
			.header("Cookie", "__Host-coastline-staff-session=" + member.sessionId() + "; " + csrf[0])
			.header("X-CSRF-TOKEN", csrf[1])
			.header("Content-Type", "application/json")
			.header("X-Request-Id", "abc-123")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).isEqualTo("{\"status\": \"APPROVED\"}");
		assertThat(response.headers().firstValue("Location")).hasValue("/api/projects/1");
		assertThat(response.headers().allValues("X-Request-Id")).containsExactly("abc-123");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		LoggedRequest received = ServicesStub.of(BackOfficeService.PROJECT)
			.findAll(anyRequestedFor(urlPathEqualTo(path)))
			.get(0);
		assertThat(received.getBodyAsString()).isEqualTo(body);
		assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + member.jwt());
		assertThat(received.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
	}

	@Test
	void aLargeMultipartUploadReachesTheServiceIntact() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID() + "/photos";
		byte[] photo = new byte[3 * 1024 * 1024];
		new Random(7).nextBytes(photo);
		String boundary = "----coastline" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roof.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] multipart = new byte[head.length + photo.length + tail.length];
		System.arraycopy(head, 0, multipart, 0, head.length);
		System.arraycopy(photo, 0, multipart, head.length, photo.length);
		System.arraycopy(tail, 0, multipart, head.length + photo.length, tail.length);
		String[] csrf = csrf();

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
			.header("Cookie", "__Host-coastline-staff-session=" + member.sessionId() + "; " + csrf[0])
			.header("X-CSRF-TOKEN", csrf[1])
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart)));

		assertThat(response.statusCode()).isEqualTo(200);
		LoggedRequest received = ServicesStub.of(BackOfficeService.MEDIA)
			.findAll(anyRequestedFor(urlPathEqualTo(path)))
			.get(0);
		assertThat(received.getHeader("Content-Type")).startsWith("multipart/form-data").contains("boundary=" + boundary);
		assertThat(received.getPart("file").getBody().asBytes()).isEqualTo(photo);
		assertThat(received.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("image/jpeg");
	}

	@Test
	void anUploadOfUnknownLengthIsStreamedOnNotBufferedFirst() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID() + "/documents";
		byte[] document = new byte[2 * 1024 * 1024];
		new Random(11).nextBytes(document);
		String boundary = "----coastline" + UUID.randomUUID();
		byte[] multipart = multipart(boundary, "survey.pdf", "application/pdf", document);
		String[] csrf = csrf();

		// Chunked from the browser: a route that buffered the body would send it on with a Content-Length.
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
			.header("Cookie", "__Host-coastline-staff-session=" + member.sessionId() + "; " + csrf[0])
			.header("X-CSRF-TOKEN", csrf[1])
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(multipart))));

		assertThat(response.statusCode()).isEqualTo(200);
		LoggedRequest received = ServicesStub.of(BackOfficeService.MEDIA)
			.findAll(anyRequestedFor(urlPathEqualTo(path)))
			.get(0);
		assertThat(received.containsHeader("Content-Length")).isFalse();
		assertThat(received.getPart("file").getBody().asBytes()).isEqualTo(document);
	}

	@Test
	void anUploadOverMediasLimitIsRefusedWithAProblemAndNotForwarded() throws Exception {
		StaffMember member = IdentityStub.staffSession("owner@harbour.test", "Harbour Roofing");
		String path = "/api/projects/" + UUID.randomUUID() + "/photos";
		String boundary = "----coastline" + UUID.randomUUID();
		byte[] multipart = multipart(boundary, "video.jpg", "image/jpeg", new byte[26 * 1024 * 1024 + 1]);
		String[] csrf = csrf();

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
			.header("Cookie", "__Host-coastline-staff-session=" + member.sessionId() + "; " + csrf[0])
			.header("X-CSRF-TOKEN", csrf[1])
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart)));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"tag:coastline.app,2026:problem:content-too-large\"")
			.contains("The upload is larger than 26 MB.");
		assertThat(ServicesStub.of(BackOfficeService.MEDIA).findAll(anyRequestedFor(urlPathEqualTo(path)))).isEmpty();
	}

	private static byte[] multipart(String boundary, String filename, String type, byte[] content) {
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] multipart = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, multipart, 0, head.length);
		System.arraycopy(content, 0, multipart, head.length, content.length);
		System.arraycopy(tail, 0, multipart, head.length + content.length, tail.length);
		return multipart;
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

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
