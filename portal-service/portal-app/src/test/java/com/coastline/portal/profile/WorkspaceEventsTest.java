package com.coastline.portal.profile;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.api.IdentityTopics;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.PortalServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.portal.support.PortalFixture.slug;
import static com.coastline.portal.support.PortalFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

@PortalServiceTest
class WorkspaceEventsTest {

	private static final String DEAD_IDENTITY_EVENTS = "error.identity.events.portal-service";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	PortalFixture portal;

	@BeforeEach
	void setUp() {
		this.portal = new PortalFixture(this.mvc, this.jdbc, this.environment);
	}

	@Test
	void aDisplayNameStaffChoseWinsOverTheWorkspacesName() throws Exception {
		UUID workspace = this.portal.workspace("Harbor Builders LLC");
		this.portal.change(workspace, PortalFixture.profile(slug("chosen"), "Harbor", "#0b5cad"));

		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(workspace)))
			.andExpect(jsonPath("$.displayName").value("Harbor"))
			.andExpect(jsonPath("$.customDisplayName").value("Harbor"));
	}

	@Test
	void poisonWorkspaceEventsGoToTheDeadLetterTopicAndLaterEventsStillArrive() throws Exception {
		UUID withoutWorkspace = UUID.randomUUID();
		UUID unreadable = UUID.randomUUID();
		send(withoutWorkspace, "{\"eventId\":\"" + withoutWorkspace + "\",\"name\":\"x\",\"version\":1}");
		send(unreadable, "{this is not json");

		UUID later = this.portal.workspace("Later Roofing");

		ConsumerRecord<String, String> dead = this.portal.topics.await(DEAD_IDENTITY_EVENTS,
				(record) -> unreadable.toString().equals(TopicRecords.header(record, "ce_id")));
		assertThat(dead.value()).isEqualTo("{this is not json");
		this.portal.topics.await(DEAD_IDENTITY_EVENTS,
				(record) -> withoutWorkspace.toString().equals(TopicRecords.header(record, "ce_id")));
		this.mvc.perform(get("/api/portal-profile").header("Authorization", staff(later)))
			.andExpect(jsonPath("$.displayName").value("Later Roofing"));
	}

	private void send(UUID eventId, String payload) {
		this.portal.topics.send(IdentityTopics.EVENTS, UUID.randomUUID().toString(), payload,
				Map.of("ce_id", eventId.toString(), "ce_type", IdentityTopics.WORKSPACE_CREATED, "ce_source",
						"/identity-service", "ce_specversion", "1.0", "ce_time", Instant.now().toString(),
						"content-type", "application/json"));
	}
}
