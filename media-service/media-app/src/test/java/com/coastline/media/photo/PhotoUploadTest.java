package com.coastline.media.photo;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.media.support.MediaTestDirectories;
import com.coastline.media.support.TestFiles;
import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MediaServiceTest
class PhotoUploadTest {

	private static final String UNSUPPORTED = "tag:coastline.app,2026:problem:unsupported-file-type";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	MediaFixture media;

	Job job;

	@BeforeEach
	void setUp() {
		this.media = new MediaFixture(this.mvc, this.jdbc, this.environment);
		this.job = this.media.job();
	}

	@Test
	void aJpegIsStoredPrivateWithItsRenditions() throws Exception {
		this.media.uploadPhoto(this.job, "IMG_0001.jpg", "image/jpeg", TestFiles.jpegWithGps(64, 48, 1))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/photos/")))
			.andExpect(jsonPath("$.projectId").value(this.job.project().toString()))
			.andExpect(jsonPath("$.contentType").value("image/jpeg"))
			.andExpect(jsonPath("$.fileName").value("IMG_0001.jpg"))
			.andExpect(jsonPath("$.width").value(64))
			.andExpect(jsonPath("$.height").value(48))
			.andExpect(jsonPath("$.onPortal").value(false))
			.andExpect(jsonPath("$.uploadedBy").value("staff-dana"));
	}

	@Test
	void aPngIsTakenAndItsRenditionsStayPng() throws Exception {
		String body = this.media.uploadPhoto(this.job, "plan.png", "image/png", TestFiles.png(30, 20))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andReturn().getResponse().getContentAsString();

		this.mvc.perform(get("/api/photos/{id}/web", UUID.fromString(JsonPath.read(body, "$.id")))
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
	}

	@Test
	void exifOrientationTurnsThePhotoUpright() throws Exception {
		// Orientation 6: the camera was held upright, the sensor stored the picture lying on its side.
		String body = this.media.uploadPhoto(this.job, "portrait.jpg", "image/jpeg", TestFiles.jpegWithGps(80, 40, 6))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.width").value(40))
			.andExpect(jsonPath("$.height").value(80))
			.andReturn().getResponse().getContentAsString();

		byte[] web = this.mvc.perform(get("/api/photos/{id}/web", UUID.fromString(JsonPath.read(body, "$.id")))
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		var image = ImageIO.read(new ByteArrayInputStream(web));
		assertThat(image.getWidth()).isEqualTo(40);
		assertThat(image.getHeight()).isEqualTo(80);
	}

	@Test
	void textClaimingToBeAJpegIsRefused() throws Exception {
		this.media.uploadPhoto(this.job, "photo.jpg", "image/jpeg", TestFiles.notAnImage())
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.type").value(UNSUPPORTED))
			.andExpect(jsonPath("$.detail").value(containsString("JPEG or PNG")))
			.andExpect(jsonPath("$.detectedType").value("text/plain"));
	}

	@Test
	void aFileWithJpegMagicThatDoesNotDecodeIsRefused() throws Exception {
		this.media.uploadPhoto(this.job, "broken.jpg", "image/jpeg", TestFiles.brokenJpeg())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(UNSUPPORTED))
			.andExpect(jsonPath("$.detail").value(containsString("cannot be read")));
	}

	@Test
	void heicIsRefusedWithAClearMessage() throws Exception {
		this.media.uploadPhoto(this.job, "IMG_0002.HEIC", "image/heic", TestFiles.heic())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(UNSUPPORTED))
			.andExpect(jsonPath("$.detail").value(containsString("HEIC")));
	}

	@Test
	void aDocumentIsNotAPhoto() throws Exception {
		this.media.uploadPhoto(this.job, "scan.jpg", "image/jpeg", TestFiles.pdf())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detectedType").value("application/pdf"));
	}

	@Test
	void pathTraversalInTheNameIsOnlyAHarmlessName() throws Exception {
		int before = MediaTestDirectories.filesUnder(MediaTestDirectories.STORAGE).size();

		this.media.uploadPhoto(this.job, "../../../../tmp/evil\u0000.jpg", "image/jpeg", TestFiles.jpegWithGps())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("evil_.jpg"));
		this.media.uploadPhoto(this.job, "..\\..\\Windows\\win.ini", "image/jpeg", TestFiles.jpegWithGps())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("win.ini"));

		// Six new files (two originals, four renditions), all inside the store and named by random key only.
		assertThat(MediaTestDirectories.filesUnder(MediaTestDirectories.STORAGE)).hasSize(before + 6)
			.allSatisfy((file) -> assertThat(file.getFileName().toString()).matches("[0-9a-f]{32}"));
		assertThat(Path.of("/tmp/evil_.jpg")).doesNotExist();
		assertThat(MediaTestDirectories.STORAGE.resolveSibling("evil_.jpg")).doesNotExist();
	}

	@Test
	void anEmptyFileIsABadRequest() throws Exception {
		this.media.uploadPhoto(this.job, "empty.jpg", "image/jpeg", new byte[0]).andExpect(status().isBadRequest());
	}

	@Test
	void anotherWorkspacesProjectIsNotFound() throws Exception {
		Job other = this.media.job();

		this.media.uploadPhoto(this.job.workspace(), other.project(), "a.jpg", "image/jpeg", TestFiles.jpegWithGps())
			.andExpect(status().isNotFound());
		this.media.uploadPhoto(this.job.workspace(), UUID.randomUUID(), "a.jpg", "image/jpeg", TestFiles.jpegWithGps())
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyStaffUpload() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "a.jpg", "image/jpeg", TestFiles.jpegWithGps());

		this.mvc.perform(multipart("/api/projects/{projectId}/photos", this.job.project()).file(file))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(multipart("/api/projects/{projectId}/photos", this.job.project()).file(file)
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/api/projects/{projectId}/photos", this.job.project()).file(file)
				.header("Authorization", TestTokens.service("automation").workspace(this.job.workspace()).bearer()))
			.andExpect(status().isForbidden());
	}
}
