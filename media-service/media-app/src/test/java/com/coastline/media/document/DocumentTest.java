package com.coastline.media.document;

import java.util.UUID;

import com.coastline.media.api.MediaTopics;
import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.media.support.TestFiles;
import com.coastline.media.support.WireContracts;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
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
			.andExpect(content().bytes(TestFiles.pdf()));
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

	private void assertPublished(String type, UUID document) {
		ConsumerRecord<String, String> record = this.media.topics.await(MediaTopics.EVENTS,
				(candidate) -> type.equals(TopicRecords.header(candidate, "ce_type"))
						&& document.toString().equals(candidate.key()));
		assertThat(TopicRecords.header(record, "ce_subject")).isEqualTo(document.toString());
		WireContracts.assertValid(record.value(), type);
	}
}
