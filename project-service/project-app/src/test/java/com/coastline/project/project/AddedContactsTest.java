package com.coastline.project.project;

import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.PortalClient;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.ProjectUpserted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Added contacts see the project in the portal like its primary contact; removed ones no longer do. */
@ProjectServiceTest
class AddedContactsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	BackOffice backOffice;

	PublishedEvents events;

	UUID dana;

	UUID sam;

	UUID project;

	@BeforeEach
	void givenAProjectOfDana() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
		this.dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		this.sam = this.backOffice.createContact("Sam", "Reyes", "sam@example.com");
		this.project = this.backOffice.createProject("Roof replacement", null, this.dana);
	}

	@Test
	void anAddedContactSeesTheProjectAndARemovedOneNoLongerDoes() {
		PortalClient samsPortal = portalOf(this.sam);
		assertProblem(samsPortal.get("/portal/projects/" + this.project), ProblemType.NOT_FOUND);

		// when added
		MvcTestResult added = this.backOffice.post("/api/projects/" + this.project + "/contacts/" + this.sam);

		// then
		assertThat(added).hasStatusOk().bodyJson().extractingPath("$.addedContactIds").asArray()
			.containsExactly(this.sam.toString());
		assertThat(samsPortal.get("/portal/projects/" + this.project)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.name")
			.isEqualTo("Roof replacement");
		assertThat(samsPortal.get("/portal/projects")).bodyJson().extractingPath("$[*].id").asArray()
			.containsExactly(this.project.toString());
		assertThat(portalOf(this.dana).get("/portal/projects/" + this.project)).hasStatusOk();

		// when removed
		MvcTestResult removed = delete("/api/projects/" + this.project + "/contacts/" + this.sam);

		// then
		assertThat(removed).hasStatusOk().bodyJson().extractingPath("$.addedContactIds").asArray().isEmpty();
		assertProblem(samsPortal.get("/portal/projects/" + this.project), ProblemType.NOT_FOUND);
		assertThat(samsPortal.get("/portal/projects")).bodyJson().isEqualTo("[]");
		assertThat(this.events.recorded(ProjectUpserted.class, this.project)).isEqualTo(3);
	}

	@Test
	void addingAContactTwiceChangesNothing() {
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/contacts/" + this.sam)).hasStatusOk();

		MvcTestResult again = this.backOffice.post("/api/projects/" + this.project + "/contacts/" + this.sam);

		assertThat(again).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(2);
		assertThat(again).bodyJson().extractingPath("$.addedContactIds.length()").isEqualTo(1);
		assertThat(this.events.recorded(ProjectUpserted.class, this.project)).isEqualTo(2);
	}

	@Test
	void onlyActiveContactsOfTheWorkspaceOtherThanThePrimaryCanBeAdded() {
		// given
		UUID archived = this.backOffice.createContact("Lee", "Park", "lee@example.com");
		assertThat(this.backOffice.post("/api/contacts/" + archived + "/archive")).hasStatusOk();
		UUID otherWorkspaces = new BackOffice(this.mvc, UUID.randomUUID()).createContact("Mallory", "X",
				"mallory@example.com");

		// when / then
		for (UUID contact : new UUID[] { archived, otherWorkspaces, UUID.randomUUID(), this.dana }) {
			MvcTestResult added = this.backOffice.post("/api/projects/" + this.project + "/contacts/" + contact);
			assertProblemNaming(added, ProblemType.UNPROCESSABLE, "contactId");
		}
		assertThat(this.backOffice.get("/api/projects/" + this.project)).bodyJson()
			.extractingPath("$.version")
			.isEqualTo(1);
		assertProblem(portalOf(otherWorkspaces).get("/portal/projects/" + this.project), ProblemType.NOT_FOUND);
	}

	@Test
	void removingAContactThatWasNotAddedIsNotFound() {
		assertProblem(delete("/api/projects/" + this.project + "/contacts/" + this.sam), ProblemType.NOT_FOUND);
		assertProblem(delete("/api/projects/" + this.project + "/contacts/" + this.dana), ProblemType.NOT_FOUND);
	}

	@Test
	void aNewPrimaryContactSeesTheProjectAndTheFormerOneNoLonger() {
		// given Sam is an added contact
		assertThat(this.backOffice.post("/api/projects/" + this.project + "/contacts/" + this.sam)).hasStatusOk();

		// when
		MvcTestResult changed = this.backOffice.put("/api/projects/" + this.project + "/primary-contact",
				json("primaryContactId", this.sam));

		// then
		assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.primaryContactId").isEqualTo(this.sam.toString());
		assertThat(changed).bodyJson().extractingPath("$.addedContactIds").asArray().isEmpty();
		assertThat(portalOf(this.sam).get("/portal/projects/" + this.project)).hasStatusOk();
		assertProblem(portalOf(this.dana).get("/portal/projects/" + this.project), ProblemType.NOT_FOUND);
		assertThat(this.backOffice.get("/api/projects/" + this.project + "/timeline")).bodyJson()
			.extractingPath("$[0].kind")
			.isEqualTo("PRIMARY_CONTACT_CHANGED");
	}

	@Test
	void thePrimaryContactMustBeAnActiveContactOfTheWorkspace() {
		UUID archived = this.backOffice.createContact("Lee", "Park", "lee@example.com");
		assertThat(this.backOffice.post("/api/contacts/" + archived + "/archive")).hasStatusOk();

		for (UUID contact : new UUID[] { archived, UUID.randomUUID() }) {
			assertProblemNaming(this.backOffice.put("/api/projects/" + this.project + "/primary-contact",
					json("primaryContactId", contact)), ProblemType.UNPROCESSABLE, "primaryContactId");
		}
		assertProblemNaming(this.backOffice.put("/api/projects/" + this.project + "/primary-contact", json()),
				ProblemType.VALIDATION_FAILED, "primaryContactId");
		assertThat(this.backOffice.get("/api/projects/" + this.project)).bodyJson()
			.extractingPath("$.primaryContactId")
			.isEqualTo(this.dana.toString());
	}

	private PortalClient portalOf(UUID contact) {
		return new PortalClient(this.mvc, this.backOffice.workspace(), contact);
	}

	private MvcTestResult delete(String uri) {
		return this.mvc.delete()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(this.backOffice.workspace()).roles("owner").bearer())
			.exchange();
	}
}
