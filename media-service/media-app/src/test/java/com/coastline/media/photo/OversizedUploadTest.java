package com.coastline.media.photo;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.media.support.MediaTestDirectories;
import com.coastline.media.support.TestFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP (MockMvc skips the servlet container's multipart parsing, where the limits act): the
 * test context allows 512 KB per file and 600 KB per request.
 */
@MediaServiceTest
class OversizedUploadTest {

	private static final String BOUNDARY = "coastline-test-boundary";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Test
	void anOversizedPhotoIsRefusedWithoutBeingStored() throws Exception {
		Job job = new MediaFixture(this.mvc, this.jdbc, this.environment).job();
		int stored = MediaTestDirectories.filesUnder(MediaTestDirectories.STORAGE).size();

		// A real JPEG header, then padding: 550 KB file, under the request limit, over the file limit.
		HttpResponse<String> overFileLimit = upload(job, TestFiles.jpegWithGps(), 550 * 1024);
		// 1.5 MB: over the request limit too.
		HttpResponse<String> overRequestLimit = upload(job, TestFiles.jpegWithGps(), 1536 * 1024);

		for (HttpResponse<String> response : java.util.List.of(overFileLimit, overRequestLimit)) {
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(MediaTestDirectories.filesUnder(MediaTestDirectories.STORAGE)).hasSize(stored);
		assertThat(MediaTestDirectories.filesUnder(MediaTestDirectories.UPLOADS)).isEmpty();
	}

	@Test
	void aPhotoUnderTheLimitGoesThroughTheSamePath() throws Exception {
		Job job = new MediaFixture(this.mvc, this.jdbc, this.environment).job();

		HttpResponse<String> response = upload(job, TestFiles.jpegWithGps(), 0);

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(MediaTestDirectories.filesUnder(MediaTestDirectories.UPLOADS)).isEmpty();
	}

	private HttpResponse<String> upload(Job job, byte[] jpeg, int totalSize) throws Exception {
		byte[] file = (totalSize > jpeg.length) ? Arrays.copyOf(jpeg, totalSize) : jpeg;
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/projects/" + job.project() + "/photos"))
			.header("Authorization", MediaFixture.staff(job.workspace()))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}
}
