package com.coastline.portal.profile;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.coastline.portal.api.PortalTopics;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.PortalServiceTest;
import com.coastline.portal.support.WireContracts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static com.coastline.portal.support.PortalFixture.owner;
import static com.coastline.portal.support.PortalFixture.slug;
import static com.coastline.portal.support.PortalFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalServiceTest
class LogoTest {

	private static final String BOUNDARY = "coastline-test-boundary";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	PortalFixture portal;

	@BeforeEach
	void setUp() {
		this.portal = new PortalFixture(this.mvc, this.jdbc, this.environment);
	}

	@Test
	void aPngLogoIsServedReencodedWithCachingHeadersAndAnEtag() throws Exception {
		UUID workspace = UUID.randomUUID();
		String slug = slug("logo");
		this.portal.setUp(workspace, slug);
		byte[] upload = withTrailer(png(300, 120), "<script>alert(1)</script>");

		String body = upload(workspace, "logo.png", "image/png", upload).andExpect(status().isOk())
			.andExpect(jsonPath("$.logoUrl", startsWith("https://portal.test/public/portals/" + slug + "/logo?v=")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String logoUrl = JsonPath.read(body, "$.logoUrl");
		// The same image again is the same logo: nothing changes, nothing is published.
		upload(workspace, "logo-again.png", "image/png", upload).andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.logoUrl").value(logoUrl));

		MvcResult served = this.mvc.perform(get("/public/portals/{slug}/logo", slug))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("Cache-Control", "max-age=3600, public"))
			.andReturn();
		String etag = served.getResponse().getHeader("ETag");
		assertThat(etag).isEqualTo("\"" + logoUrl.substring(logoUrl.indexOf("v=") + 2) + "\"");
		byte[] content = served.getResponse().getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(image.getHeight()).isEqualTo(120);
		assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("<script>");

		this.mvc.perform(get("/public/portals/{slug}/logo", slug).header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		this.mvc.perform(get("/public/portals/{slug}", slug))
			.andExpect(jsonPath("$.branding.logoUrl").value(logoUrl));
		ConsumerRecord<String, String> changed = this.portal.published(workspace, PortalTopics.PORTAL_PROFILE_CHANGED, 2);
		WireContracts.assertValid(changed.value(), PortalTopics.PORTAL_PROFILE_CHANGED);
		assertThat(changed.value()).contains("\"logoUrl\":\"" + logoUrl + "\"");
	}

	@Test
	void aLargeJpegIsScaledDownAndStaysJpeg() throws Exception {
		UUID workspace = UUID.randomUUID();
		String slug = slug("jpeg");
		this.portal.setUp(workspace, slug);

		upload(workspace, "logo.jpg", "image/jpeg", jpeg(2400, 600)).andExpect(status().isOk());

		MvcResult served = this.mvc.perform(get("/public/portals/{slug}/logo", slug))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andReturn();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.getResponse().getContentAsByteArray()));
		assertThat(image.getWidth()).isEqualTo(1024);
		assertThat(image.getHeight()).isEqualTo(256);
	}

	@Test
	void svgAndOtherTypesAreRefusedWhateverTheyAreCalled() throws Exception {
		UUID workspace = UUID.randomUUID();
		this.portal.setUp(workspace, slug("refuse"));
		byte[] svg = """
				<?xml version="1.0"?>
				<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
				""".getBytes(StandardCharsets.UTF_8);

		upload(workspace, "logo.svg", "image/svg+xml", svg).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SVG")))
			.andExpect(jsonPath("$.detectedType").value("image/svg+xml"));
		upload(workspace, "logo.png", "image/png", "just text".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:unsupported-file-type"));
		upload(workspace, "logo.png", "image/png", Arrays.copyOf(png(50, 50), 60))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(workspace)))
			.andExpect(jsonPath("$.logoUrl").value(nullValue()));
	}

	@Test
	void aLogoOverOneMegabyteIsRefusedWith413() throws Exception {
		UUID workspace = UUID.randomUUID();
		this.portal.setUp(workspace, slug("big"));
		byte[] big = Arrays.copyOf(png(10, 10), 1100 * 1024);

		HttpResponse<String> response = rawUpload(workspace, big);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void onlyOwnersChangeTheLogoAndRemovingItIsPublished() throws Exception {
		UUID workspace = UUID.randomUUID();
		String slug = slug("remove");
		this.portal.setUp(workspace, slug);

		this.mvc.perform(multipart("/api/portal-profile/logo").file(new MockMultipartFile("file", "logo.png", "image/png", png(20, 20)))
				.with((request) -> {
					request.setMethod("PUT");
					return request;
				})
				.header("Authorization", staff(workspace)))
			.andExpect(status().isForbidden());
		upload(workspace, "logo.png", "image/png", png(20, 20)).andExpect(status().isOk());
		this.mvc.perform(delete("/api/portal-profile/logo").header("Authorization", owner(workspace)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.logoUrl").value(nullValue()));

		this.mvc.perform(get("/public/portals/{slug}/logo", slug)).andExpect(status().isNotFound());
		ConsumerRecord<String, String> removed = this.portal.published(workspace, PortalTopics.PORTAL_PROFILE_CHANGED, 3);
		assertThat(removed.value()).contains("\"logoUrl\":null");
	}

	@Test
	void aLogoNeedsAnAddressFirst() throws Exception {
		upload(UUID.randomUUID(), "logo.png", "image/png", png(20, 20)).andExpect(status().isUnprocessableContent());
	}

	private ResultActions upload(UUID workspace, String name, String type, byte[] content) throws Exception {
		return this.mvc.perform(multipart("/api/portal-profile/logo").file(new MockMultipartFile("file", name, type, content))
			.with((request) -> {
				request.setMethod("PUT");
				return request;
			})
			.header("Authorization", owner(workspace)));
	}

	/** Over real HTTP: the multipart limits are Tomcat's and Spring's, which MockMvc does not apply. */
	private HttpResponse<String> rawUpload(UUID workspace, byte[] file) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/portal-profile/logo"))
			.header("Authorization", owner(workspace))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(11, 92, 173));
		graphics.fillRect(0, 0, width / 2, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static byte[] jpeg(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	private static byte[] withTrailer(byte[] content, String trailer) {
		byte[] extra = trailer.getBytes(StandardCharsets.US_ASCII);
		byte[] result = Arrays.copyOf(content, content.length + extra.length);
		System.arraycopy(extra, 0, result, content.length, extra.length);
		return result;
	}
}
