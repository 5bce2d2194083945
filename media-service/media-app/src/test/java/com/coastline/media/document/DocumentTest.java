package com.coastline.media.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.coastline.media.api.MediaTopics;
import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.media.support.TestFiles;
import com.coastline.media.support.WireContracts;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

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
