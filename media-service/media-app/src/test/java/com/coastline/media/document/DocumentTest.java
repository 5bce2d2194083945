package com.coastline.media.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import com.coastline.media.api.MediaTopics;
import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.media.support.TestFiles;
import com.coastline.media.support.WireContracts;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MediaServiceTest
class DocumentTest {

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
	void aPdfIsStoredUnshared() throws Exception {
		this.media.uploadDocument(this.job, "Building permit.pdf", "application/octet-stream", TestFiles.pdf())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.fileName").value("Building permit.pdf"))
			.andExpect(jsonPath("$.shared").value(false));
	}

	@Test
	void aWordDocumentIsRecognisedFromItsContainer() throws Exception {
		this.media.uploadDocument(this.job, "Contract.docx", "application/octet-stream", TestFiles.docx())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType")
				.value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
	}

	@Test
	void aNameCannotMakeTextADocument() throws Exception {
		this.media.uploadDocument(this.job, "Contract.pdf", "application/pdf", TestFiles.notAnImage())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:unsupported-file-type"))
			.andExpect(jsonPath("$.detail").value(containsString("PDF")));
	}

	@Test
	void aPdfThatCannotBeCleanedIsRefusedWhenSharedNotWhenAClientDownloadsIt() throws Exception {
		String created = this.media.uploadDocument(this.job, "Damaged.pdf", "application/pdf",
				"%PDF-1.4\n% damaged: no objects, no cross-reference table\n".getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String document = JsonPath.read(created, "$.id");

		this.mvc.perform(post("/api/documents/{id}/share", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("cannot be shared")));

		this.mvc.perform(get("/portal/projects/{id}/documents", this.job.project())
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aSharedDocumentIsDownloadedByTheClientUntilUnshared() throws Exception {
		UUID document = this.media.document(this.job);
		this.mvc.perform(get("/portal/projects/{id}/documents", this.job.project())
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isNotFound());

		this.mvc.perform(post("/api/documents/{id}/share", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.shared").value(true))
			.andExpect(jsonPath("$.visibilityChangedBy").value("staff-dana"));

		this.mvc.perform(get("/portal/projects/{id}/documents", this.job.project())
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].fileName").value("Permit.pdf"));
		this.mvc.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string(startsWith("%PDF-")));
		this.mvc.perform(get("/portal/documents/{id}/file", document)
				.header("Authorization", TestTokens.client(this.job.workspace(), UUID.randomUUID()).bearer()))
			.andExpect(status().isNotFound());

		this.mvc.perform(post("/api/documents/{id}/unshare", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isNotFound());

		assertPublished(MediaTopics.DOCUMENT_SHARED, document);
		assertPublished(MediaTopics.DOCUMENT_UNSHARED, document);
	}

	@Test
	void aClientDownloadsASharedPdfWithoutDocumentMetadataWhileTheBackOfficeKeepsTheOriginal() throws Exception {
		byte[] original = TestFiles.pdfWithMetadata();
		String body = this.media.uploadDocument(this.job, "Permit.pdf", "application/pdf", original)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID document = UUID.fromString(JsonPath.read(body, "$.id"));
		this.mvc.perform(post("/api/documents/{id}/share", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk());

		MockHttpServletResponse client = this.mvc
			.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse();
		byte[] download = client.getContentAsByteArray();
		assertThat(client.getContentLengthLong()).isEqualTo(download.length);
		PdfReader stripped = new PdfReader(download);
		try {
			assertThat(stripped.getNumberOfPages()).isEqualTo(1);
			assertThat(stripped.getInfo()).isEmpty();
			PdfDictionary info = stripped.getTrailer().getAsDict(PdfName.INFO);
			assertThat(info == null || info.size() == 0).as("an empty information dictionary").isTrue();
			assertThat(stripped.getCatalog().get(PdfName.METADATA)).isNull();
			assertThat(stripped.getMetadata()).isNull();
		}
		finally {
			stripped.close();
		}
		String raw = new String(download, StandardCharsets.ISO_8859_1);
		assertThat(raw).doesNotContain(TestFiles.PDF_AUTHOR, TestFiles.PDF_CREATOR, TestFiles.PDF_PRODUCER,
				TestFiles.PDF_TITLE, "x:xmpmeta");

		byte[] backOffice = this.mvc
			.perform(get("/api/documents/{id}/file", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(backOffice).isEqualTo(original);
		PdfReader kept = new PdfReader(backOffice);
		try {
			assertThat(kept.getInfo()).containsEntry("Author", TestFiles.PDF_AUTHOR)
				.containsEntry("Creator", TestFiles.PDF_CREATOR)
				.containsEntry("Title", TestFiles.PDF_TITLE)
				.containsKey("Producer");
			assertThat(kept.getCatalog().get(PdfName.METADATA)).isNotNull();
			assertThat(new String(kept.getMetadata(), StandardCharsets.UTF_8)).contains(TestFiles.PDF_AUTHOR);
		}
		finally {
			kept.close();
		}
	}

	@Test
	void aClientDownloadsASharedWordDocumentWithoutItsDocProps() throws Exception {
		byte[] original = TestFiles.docxWithProperties();
		String body = this.media.uploadDocument(this.job, "Contract.docx", "application/octet-stream", original)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType")
				.value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID document = UUID.fromString(JsonPath.read(body, "$.id"));
		this.mvc.perform(post("/api/documents/{id}/share", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk());

		MockHttpServletResponse client = this.mvc
			.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		byte[] download = client.getContentAsByteArray();
		assertThat(client.getContentLengthLong()).isEqualTo(download.length);
		Map<String, String> entries = unzip(download);
		assertThat(entries).containsOnlyKeys("[Content_Types].xml", "_rels/.rels", "word/document.xml");
		assertThat(entries.get("_rels/.rels")).contains("word/document.xml").doesNotContain("docProps");
		assertThat(entries.get("[Content_Types].xml")).contains("/word/document.xml").doesNotContain("docProps");
		assertThat(String.join("", entries.values())).doesNotContain(TestFiles.PDF_AUTHOR, TestFiles.PDF_CREATOR,
				TestFiles.PDF_PRODUCER, TestFiles.PDF_TITLE);

		byte[] backOffice = this.mvc
			.perform(get("/api/documents/{id}/file", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(backOffice).isEqualTo(original);
		assertThat(unzip(backOffice)).containsKeys("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml");
	}

	@Test
	void picturesInAWordDocumentReachTheClientWithoutTheirMetadata() throws Exception {
		byte[] original = TestFiles.docxWithPhoto();
		UUID document = uploadAndShare("Site report.docx", original);

		Map<String, byte[]> entries = unzipBytes(clientDownload(document));

		assertThat(entries).containsKeys("word/media/image1.jpeg", "word/media/image2.png", "word/document.xml");
		assertPhotoWithoutMetadata(entries.get("word/media/image1.jpeg"), 64, 48);
		byte[] png = entries.get("word/media/image2.png");
		assertThat(new String(png, StandardCharsets.ISO_8859_1)).doesNotContain(TestFiles.PNG_TEXT, "tEXt");
		assertThat(ImageIO.read(new ByteArrayInputStream(png))).extracting(BufferedImage::getWidth).isEqualTo(32);
		Map<String, byte[]> kept = unzipBytes(backOfficeDownload(document));
		assertThat(kept.get("word/media/image1.jpeg")).isEqualTo(TestFiles.jpegWithGps());
		assertThat(new String(kept.get("word/media/image2.png"), StandardCharsets.ISO_8859_1)).contains(TestFiles.PNG_TEXT);
	}

	@Test
	void anOpenDocumentReachesTheClientWithoutMetaXmlAndWithCleanPictures() throws Exception {
		byte[] original = TestFiles.odtWithMetadataAndPhoto();
		String body = this.media.uploadDocument(this.job, "Offer.odt", "application/octet-stream", original)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("application/vnd.oasis.opendocument.text"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID document = UUID.fromString(JsonPath.read(body, "$.id"));
		share(document).andExpect(status().isOk());

		byte[] download = clientDownload(document);

		Map<String, byte[]> entries = unzipBytes(download);
		assertThat(entries).containsOnlyKeys("mimetype", "content.xml", "Pictures/photo.jpg", "META-INF/manifest.xml");
		assertThat(new String(entries.get("META-INF/manifest.xml"), StandardCharsets.UTF_8)).contains("content.xml")
			.doesNotContain("meta.xml");
		assertPhotoWithoutMetadata(entries.get("Pictures/photo.jpg"), 64, 48);
		assertThat(new String(download, StandardCharsets.ISO_8859_1)).as("mimetype first, uncompressed")
			.startsWith("PK")
			.contains("mimetypeapplication/vnd.oasis.opendocument.text");
		assertThat(new String(download, StandardCharsets.ISO_8859_1).indexOf("mimetypeapplication")).isEqualTo(30);
		assertThat(unzip(download).values()).noneMatch((entry) -> entry.contains(TestFiles.PDF_AUTHOR)
				|| entry.contains(TestFiles.PDF_PRODUCER) || entry.contains(TestFiles.PDF_CREATOR));
		assertThat(unzipBytes(backOfficeDownload(document))).containsKey("meta.xml");
	}

	@Test
	void aPdfsPhotoReachesTheClientWithoutItsExif() throws Exception {
		byte[] original = TestFiles.pdfWithPhoto();
		assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains(TestFiles.SERIAL_NUMBER);
		UUID document = uploadAndShare("Inspection.pdf", original);

		byte[] download = clientDownload(document);

		assertThat(new String(download, StandardCharsets.ISO_8859_1)).doesNotContain(TestFiles.SERIAL_NUMBER,
				TestFiles.CAMERA_MAKE, "Exif\u0000\u0000");
		PdfReader reader = new PdfReader(download);
		try {
			assertThat(reader.getNumberOfPages()).isEqualTo(1);
			List<byte[]> jpegs = new ArrayList<>();
			for (int number = 1; number < reader.getXrefSize(); number++) {
				if (reader.getPdfObject(number) instanceof PRStream stream
						&& PdfName.DCTDECODE.equals(stream.get(PdfName.FILTER))) {
					jpegs.add(PdfReader.getStreamBytesRaw(stream));
				}
			}
			assertThat(jpegs).singleElement().satisfies((jpeg) -> assertPhotoWithoutMetadata(jpeg, 64, 48));
		}
		finally {
			reader.close();
		}
		assertThat(backOfficeDownload(document)).isEqualTo(original);
	}

	@Test
	void aLegacyOfficeFileIsKeptInternalAndRefusedWhenShared() throws Exception {
		String created = this.media.uploadDocument(this.job, "Old contract.doc", "application/octet-stream",
				TestFiles.legacyWordDocument())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("application/msword"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID document = UUID.fromString(JsonPath.read(created, "$.id"));

		share(document).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:unsupported-file-type"))
			.andExpect(jsonPath("$.detectedType").value("application/msword"))
			.andExpect(jsonPath("$.detail").value(containsString(".docx")));

		this.mvc.perform(get("/api/documents/{id}", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(jsonPath("$.shared").value(false));
		this.mvc.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isNotFound());
		assertThat(backOfficeDownload(document)).isEqualTo(TestFiles.legacyWordDocument());

		// One shared before sharing refused legacy files stays out of the client's reach, without a server error.
		this.jdbc.update("update document set shared = true where id = ?", document);
		this.mvc.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/portal/projects/{id}/documents", this.job.project())
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	private UUID uploadAndShare(String fileName, byte[] content) throws Exception {
		String body = this.media.uploadDocument(this.job, fileName, "application/octet-stream", content)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID document = UUID.fromString(JsonPath.read(body, "$.id"));
		share(document).andExpect(status().isOk());
		return document;
	}

	private ResultActions share(UUID document) throws Exception {
		return this.mvc.perform(post("/api/documents/{id}/share", document)
			.header("Authorization", MediaFixture.staff(this.job.workspace())));
	}

	private byte[] clientDownload(UUID document) throws Exception {
		return this.mvc
			.perform(get("/portal/documents/{id}/file", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private byte[] backOfficeDownload(UUID document) throws Exception {
		return this.mvc
			.perform(get("/api/documents/{id}/file", document)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/** Still a JPEG of that size, without GPS, EXIF, the camera make or the serial number. */
	private static void assertPhotoWithoutMetadata(byte[] jpeg, int width, int height) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
			assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
			assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
			assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain(TestFiles.SERIAL_NUMBER,
					TestFiles.CAMERA_MAKE, "Exif\u0000\u0000");
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
			assertThat(image.getWidth()).isEqualTo(width);
			assertThat(image.getHeight()).isEqualTo(height);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static Map<String, byte[]> unzipBytes(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	private void assertPublished(String type, UUID document) {
		ConsumerRecord<String, String> record = this.media.topics.await(MediaTopics.EVENTS,
				(candidate) -> type.equals(TopicRecords.header(candidate, "ce_type"))
						&& document.toString().equals(candidate.key()));
		assertThat(TopicRecords.header(record, "ce_subject")).isEqualTo(document.toString());
		WireContracts.assertValid(record.value(), type);
	}
}
