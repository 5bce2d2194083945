package com.coastline.media.project;

import java.util.List;
import java.util.UUID;

import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MediaServiceTest
class ProjectEventsTest {

	private static final String DEAD_PROJECT_EVENTS = "error.project.events.media-service";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	MediaFixture media;

	@BeforeEach
	void setUp() {
		this.media = new MediaFixture(this.mvc, this.jdbc, this.environment);
	}

	@Test
	void aRedeliveredEventIdIsSkippedEvenIfItsPayloadDiffers() throws Exception {
		Job job = this.media.job();
		UUID eventId = UUID.randomUUID();
		UUID newcomer = UUID.randomUUID();
		this.media.projectUpserted(eventId, job.workspace(), job.project(), job.contact(), List.of(), 2);

		// The same ce_id again, now naming another contact: a duplicate, acknowledged and skipped.
		this.media.projectUpserted(eventId, job.workspace(), job.project(), job.contact(), List.of(newcomer), 3);
		// A later record of the same project (same partition) proves the duplicate was handled before it.
		this.media.projectUpserted(job.workspace(), job.project(), job.contact(), List.of(), 2);

		assertThat(this.jdbc.queryForObject("select version from project_access where project_id = ?", Long.class,
				job.project())).isEqualTo(2);
		this.mvc.perform(get("/portal/projects/{id}/photos", job.project())
				.header("Authorization", TestTokens.client(job.workspace(), newcomer).bearer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/portal/projects/{id}/photos", job.project()).header("Authorization", MediaFixture.client(job)))
			.andExpect(status().isOk());
	}

	@Test
	void poisonProjectEventsGoToTheDeadLetterTopicAndLaterEventsStillArrive() {
		UUID project = UUID.randomUUID();
		UUID unreadable = UUID.randomUUID();
		UUID withoutWorkspace = UUID.randomUUID();

		this.media.sendProjectEvent(project, unreadable, "{this is not json");
		this.media.sendProjectEvent(project, withoutWorkspace,
				"{\"eventId\":\"" + withoutWorkspace + "\",\"projectId\":\"" + project + "\",\"name\":\"x\",\"version\":1}");
		Job later = this.media.job();

		ConsumerRecord<String, String> dead = this.media.topics.await(DEAD_PROJECT_EVENTS,
				(record) -> unreadable.toString().equals(TopicRecords.header(record, "ce_id")));
		assertThat(dead.value()).isEqualTo("{this is not json");
		assertThat(TopicRecords.header(dead, "ce_type")).isEqualTo(ProjectTopics.PROJECT_UPSERTED);
		this.media.topics.await(DEAD_PROJECT_EVENTS,
				(record) -> withoutWorkspace.toString().equals(TopicRecords.header(record, "ce_id")));
		assertThat(this.jdbc.queryForObject("select count(*) from project_access where project_id = ?", Integer.class,
				later.project())).isEqualTo(1);
	}
}
