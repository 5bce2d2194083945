package com.coastline.project.contact;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static com.coastline.project.BackOffice.json;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.PublishedEvents.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

@ProjectServiceTest
class ContactsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	BackOffice backOffice;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
	}

	@Test
	void creatingAContactPublishesItsWholeStateKeyedByTheContact() {
		// when
		MvcTestResult created = this.backOffice.post("/api/contacts", json("firstName", " Dana ", "lastName", "Reyes",
				"email", "  Dana.Reyes@Example.COM ", "phone", "+1 303 555 0100"));

		// then
		assertThat(created).hasStatus(201);
		UUID id = BackOffice.id(created);
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/contacts/" + id);
		assertThat(created).bodyJson().extractingPath("$.email").isEqualTo("dana.reyes@example.com");
		assertThat(created).bodyJson().extractingPath("$.firstName").isEqualTo("Dana");
		assertThat(created).bodyJson().extractingPath("$.version").isEqualTo(1);

		ConsumerRecord<String, String> record = this.events.await(ProjectTopics.CONTACT_UPSERTED, id, 1).get(0);
		ContactUpserted upserted = assertConforms(record, ContactUpserted.class);
		assertThat(upserted.contactId()).isEqualTo(id);
		assertThat(upserted.workspaceId()).isEqualTo(this.backOffice.workspace());
		assertThat(upserted.firstName()).isEqualTo("Dana");
		assertThat(upserted.lastName()).isEqualTo("Reyes");
		assertThat(upserted.email()).isEqualTo("dana.reyes@example.com");
		assertThat(upserted.phone()).isEqualTo("+1 303 555 0100");
		assertThat(upserted.version()).isEqualTo(1);

		assertThat(record.key()).isEqualTo(id.toString());
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_id")).isEqualTo(upserted.eventId().toString());
		assertThat(header(record, "ce_source")).isEqualTo("/project-service");
		assertThat(header(record, "ce_subject")).isEqualTo(id.toString());
		assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(upserted.occurredAt());
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
	}

	@Test
	void updatingAndArchivingPublishTheChangesWithIncreasingVersions() {
		// given
		UUID id = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");

		// when
		MvcTestResult updated = this.backOffice.put("/api/contacts/" + id,
				json("firstName", "Dana", "lastName", "Reyes-Cole", "email", "dana.cole@example.com", "phone", null));
		MvcTestResult archived = this.backOffice.post("/api/contacts/" + id + "/archive");

		// then
		assertThat(updated).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(2);
		assertThat(archived).hasStatusOk().bodyJson().extractingPath("$.archived").isEqualTo(true);
		assertThat(archived).bodyJson().extractingPath("$.version").isEqualTo(3);

		// by version: the outbox does not promise their order on the topic (consumers skip stale versions)
		List<ContactUpserted> upserts = this.events.await(ProjectTopics.CONTACT_UPSERTED, id, 2)
			.stream()
			.map(record -> assertConforms(record, ContactUpserted.class))
			.sorted(Comparator.comparingLong(ContactUpserted::version))
			.toList();
		ContactUpserted latest = upserts.get(1);
		assertThat(upserts.get(0).version()).isEqualTo(1);
		assertThat(latest.version()).isEqualTo(2);
		assertThat(latest.lastName()).isEqualTo("Reyes-Cole");
		assertThat(latest.email()).isEqualTo("dana.cole@example.com");
		assertThat(latest.phone()).isNull();

		ConsumerRecord<String, String> archiving = this.events.await(ProjectTopics.CONTACT_ARCHIVED, id, 1).get(0);
		ContactArchived archivedEvent = assertConforms(archiving, ContactArchived.class);
		assertThat(archiving.key()).isEqualTo(id.toString());
		assertThat(header(archiving, "ce_id")).isEqualTo(archivedEvent.eventId().toString());
		assertThat(archivedEvent.contactId()).isEqualTo(id);
		assertThat(archivedEvent.workspaceId()).isEqualTo(this.backOffice.workspace());
		assertThat(archivedEvent.version()).isEqualTo(3);
	}

	@Test
	void updatingAnArchivedContactIsAConflictAndPublishesNothing() {
		// given
		UUID id = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		assertThat(this.backOffice.post("/api/contacts/" + id + "/archive")).hasStatusOk();

		// when
		MvcTestResult updated = this.backOffice.put("/api/contacts/" + id,
				json("firstName", "Dana", "lastName", "Cole", "email", "dana@example.com"));
		MvcTestResult archivedAgain = this.backOffice.post("/api/contacts/" + id + "/archive");

		// then
		assertProblem(updated, ProblemType.CONFLICT);
		assertProblem(archivedAgain, ProblemType.CONFLICT);
		assertThat(this.events.recorded(ContactUpserted.class, id)).isEqualTo(1);
		assertThat(this.events.recorded(ContactArchived.class, id)).isEqualTo(1);
		assertThat(this.backOffice.get("/api/contacts/" + id)).bodyJson().extractingPath("$.lastName").isEqualTo("Reyes");
	}

	@Test
	void updatingWithUnchangedDetailsKeepsTheVersionAndPublishesNothing() {
		// given
		UUID id = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");

		// when
		MvcTestResult updated = this.backOffice.put("/api/contacts/" + id,
				json("firstName", "Dana ", "lastName", "Reyes", "email", "DANA@example.com", "phone", ""));

		// then
		assertThat(updated).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(1);
		assertThat(this.events.recorded(ContactUpserted.class, id)).isEqualTo(1);
	}

	@Test
	void contactsAreFoundByTheirNormalisedEmail() {
		// given
		UUID dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		UUID sam = this.backOffice.createContact("Sam", "Reyes", "Dana@Example.com");
		this.backOffice.createContact("Lee", "Park", "lee@example.com");

		// when
		MvcTestResult found = this.backOffice.get("/api/contacts?email= DANA@example.COM");
		MvcTestResult none = this.backOffice.get("/api/contacts?email=nobody@example.com");
		MvcTestResult all = this.backOffice.get("/api/contacts");

		// then
		assertThat(found).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(dana.toString(), sam.toString());
		assertThat(none).hasStatusOk().bodyJson().isEqualTo("[]");
		assertThat(all).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(3);
	}
}
