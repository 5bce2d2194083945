package com.coastline.project;

import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.ProjectApproved;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.coastline.project.BackOffice.json;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static org.assertj.core.api.Assertions.assertThat;

/** Workspace B never sees or changes anything of workspace A: A's ids answer 404, lists show nothing. */
@ProjectServiceTest
class TenantIsolationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	BackOffice workspaceA;

	BackOffice workspaceB;

	PublishedEvents events;

	UUID contactOfA;

	UUID projectOfA;

	@BeforeEach
	void givenAContactAndAProjectOfWorkspaceA() {
		this.workspaceA = new BackOffice(this.mvc, UUID.randomUUID());
		this.workspaceB = new BackOffice(this.mvc, UUID.randomUUID());
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
		this.contactOfA = this.workspaceA.createContact("Dana", "Reyes", "dana@example.com");
		this.projectOfA = this.workspaceA.createProject("Roof replacement", null, this.contactOfA);
	}

	@Test
	void anotherWorkspaceCannotReadOrChangeTheContact() {
		assertProblem(this.workspaceB.get("/api/contacts/" + this.contactOfA), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceB.put("/api/contacts/" + this.contactOfA,
				json("firstName", "Taken", "lastName", "Over", "email", "mallory@example.com")), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceB.post("/api/contacts/" + this.contactOfA + "/archive"), ProblemType.NOT_FOUND);

		assertThat(this.workspaceA.get("/api/contacts/" + this.contactOfA)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.version")
			.isEqualTo(1);
		assertThat(this.events.recorded(ContactUpserted.class, this.contactOfA)).isEqualTo(1);
		assertThat(this.events.recorded(ContactArchived.class, this.contactOfA)).isZero();
	}

	@Test
	void anotherWorkspaceCannotReadOrApproveTheProject() {
		assertProblem(this.workspaceB.get("/api/projects/" + this.projectOfA), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceB.post("/api/projects/" + this.projectOfA + "/approve"), ProblemType.NOT_FOUND);

		assertThat(this.workspaceA.get("/api/projects/" + this.projectOfA)).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("LEAD");
		assertThat(this.events.recorded(ProjectApproved.class, this.projectOfA)).isZero();
	}

	@Test
	void anotherWorkspacesListsAndFiltersShowNothingOfIt() {
		assertThat(this.workspaceB.get("/api/contacts")).hasStatusOk().bodyJson().isEqualTo("[]");
		assertThat(this.workspaceB.get("/api/contacts?email=dana@example.com")).hasStatusOk().bodyJson().isEqualTo("[]");
		assertThat(this.workspaceB.get("/api/projects")).hasStatusOk().bodyJson().isEqualTo("[]");
		assertThat(this.workspaceB.get("/api/projects?name=Roof replacement")).hasStatusOk().bodyJson().isEqualTo("[]");
		assertThat(this.workspaceA.get("/api/projects?name=Roof replacement")).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void anotherWorkspacesContactCannotBeAPrimaryContact() {
		var created = this.workspaceB.post("/api/projects", json("name", "Deck", "primaryContactId", this.contactOfA));

		assertProblemNaming(created, ProblemType.UNPROCESSABLE, "primaryContactId");
	}
}
