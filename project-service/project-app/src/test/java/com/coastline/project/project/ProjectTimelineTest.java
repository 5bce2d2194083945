package com.coastline.project.project;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.project.BackOffice;
import com.coastline.project.PortalClient;
import com.coastline.project.ProjectServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.IllegalTransactionStateException;

import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every change of a project lands on its timeline; the portal shows clients only what is meant for them. */
@ProjectServiceTest
class ProjectTimelineTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ProjectTimeline timeline;

	BackOffice backOffice;

	UUID dana;

	UUID sam;

	UUID project;

	@BeforeEach
	void givenAProject() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		this.sam = this.backOffice.createContact("Sam", "Ortiz", "sam@example.com");
		this.project = this.backOffice.createProject("Roof replacement", null, this.dana);
	}

	@Test
	void everyChangeIsOnTheBackOfficeTimelineNewestFirstWithItsActor() {
		// when
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/contacts/" + this.sam)).hasStatusOk();
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/approve")).hasStatusOk();
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/appointments",
				json("startsAt", "2030-06-03T15:00:00Z", "endsAt", "2030-06-03T17:00:00Z", "timeZone",
						"America/Denver", "assigneeName", "Lee Park")))
			.hasStatus(201);

		// then
		MvcTestResult entries = this.backOffice.get("/api/projects/" + this.project + "/timeline");
		assertThat(entries).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].kind")
			.asArray()
			.containsExactly("APPOINTMENT_SCHEDULED", "PROJECT_STATUS_CHANGED", "CONTACT_ADDED", "PROJECT_CREATED");
		assertThat(entries).bodyJson()
			.extractingPath("$[0].summary")
			.isEqualTo("Visit scheduled for Mon 3 Jun 2030, 09:00–11:00 (America/Denver) with Lee Park");
		assertThat(entries).bodyJson().extractingPath("$[1].summary").isEqualTo("Status changed from lead to approved");
		assertThat(entries).bodyJson().extractingPath("$[2].subjectId").isEqualTo(this.sam.toString());
		assertThat(entries).bodyJson().extractingPath("$[3].actor").asString().startsWith("staff:");
	}

	@Test
	void sinceLeavesOutWhatHappenedBefore() {
		// given
		String createdAt = BackOffice.read(this.backOffice.get("/api/projects/" + this.project + "/timeline"),
				"$[0].occurredAt");

		// when
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/start-estimating")).hasStatusOk();

		// then
		assertThat(this.backOffice.get("/api/projects/" + this.project + "/timeline?since=" + createdAt)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].kind")
			.asArray()
			.containsExactly("PROJECT_STATUS_CHANGED");
		assertThat(this.backOffice.get("/api/projects/" + this.project + "/timeline?since=" + Instant.now().plusSeconds(60)))
			.bodyJson()
			.isEqualTo("[]");
	}

	@Test
	void thePortalTimelineShowsOnlyWhatClientsSeeAndNeverWhoExactly() {
		// given
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/contacts/" + this.sam)).hasStatusOk();
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/start-estimating")).hasStatusOk();

		// when
		MvcTestResult portal = new PortalClient(this.mvc, this.backOffice.workspace(), this.sam)
			.get("/portal/projects/" + this.project + "/timeline");

		// then
		assertThat(portal).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].kind")
			.asArray()
			.containsExactly("PROJECT_STATUS_CHANGED", "PROJECT_CREATED");
		assertThat(portal).bodyJson().extractingPath("$[*].by").asArray().containsOnly("contractor");
		assertThat(portal).bodyJson().extractingPath("$[0]").asMap().doesNotContainKey("actor");
	}

	@Test
	void aBadSinceIsABadRequest() {
		assertThat(this.backOffice.get("/api/projects/" + this.project + "/timeline?since=yesterday")).hasStatus(400);
	}

	@Test
	void entriesAreOnlyWrittenInsideTheTransactionOfAChange() {
		assertThatThrownBy(() -> this.timeline.record(this.project, ActivityKind.ESTIMATE_SENT, "system", "Sent", null))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void clientVisibleKindsLeaveOutContactsAndSignIns() {
		assertThat(List.of(ActivityKind.values())).filteredOn(kind -> !kind.isClientVisible())
			.contains(ActivityKind.CONTACT_ADDED, ActivityKind.CONTACT_REMOVED, ActivityKind.PRIMARY_CONTACT_CHANGED,
					ActivityKind.CLIENT_SIGNED_IN);
	}
}
