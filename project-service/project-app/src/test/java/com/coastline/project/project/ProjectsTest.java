package com.coastline.project.project;

import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.project.BackOffice.json;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ProjectServiceTest
class ProjectsTest {

	@Autowired
	MockMvcTester mvc;

	BackOffice backOffice;

	@BeforeEach
	void setUp() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
	}

	@Test
	void aNewProjectIsALeadOfItsPrimaryContact() {
		// given
		UUID contact = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");

		// when
		MvcTestResult created = this.backOffice.post("/api/projects",
				json("name", " Roof replacement ", "address", "12 Pine St, Boulder CO", "primaryContactId", contact));

		// then
		assertThat(created).hasStatus(201);
		UUID id = BackOffice.id(created);
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/projects/" + id);
		MvcTestResult found = this.backOffice.get("/api/projects/" + id);
		assertThat(found).hasStatusOk().bodyJson().extractingPath("$.name").isEqualTo("Roof replacement");
		assertThat(found).bodyJson().extractingPath("$.address").isEqualTo("12 Pine St, Boulder CO");
		assertThat(found).bodyJson().extractingPath("$.status").isEqualTo("LEAD");
		assertThat(found).bodyJson().extractingPath("$.primaryContactId").isEqualTo(contact.toString());
		assertThat(found).bodyJson().extractingPath("$.approvedAt").isNull();
		assertThat(found).bodyJson().extractingPath("$.version").isEqualTo(1);
	}

	@Test
	void projectsAreFoundByNameIgnoringCase() {
		// given
		UUID contact = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		UUID roof = this.backOffice.createProject("Roof replacement", null, contact);
		UUID deck = this.backOffice.createProject("Deck", null, contact);

		// when
		MvcTestResult byName = this.backOffice.get("/api/projects?name=roof REPLACEMENT");
		MvcTestResult all = this.backOffice.get("/api/projects");

		// then
		assertThat(byName).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray().containsExactly(roof.toString());
		assertThat(all).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(roof.toString(), deck.toString());
	}

	@Test
	void aProjectNeedsAnExistingPrimaryContact() {
		MvcTestResult created = this.backOffice.post("/api/projects",
				json("name", "Roof", "primaryContactId", UUID.randomUUID()));

		assertProblemNaming(created, ProblemType.UNPROCESSABLE, "primaryContactId");
		assertThat(this.backOffice.get("/api/projects")).bodyJson().isEqualTo("[]");
	}

	@Test
	void aProjectCannotBelongToAnArchivedContact() {
		// given
		UUID contact = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		assertThat(this.backOffice.post("/api/contacts/" + contact + "/archive")).hasStatusOk();

		// when
		MvcTestResult created = this.backOffice.post("/api/projects", json("name", "Roof", "primaryContactId", contact));

		// then
		assertProblemNaming(created, ProblemType.UNPROCESSABLE, "primaryContactId");
	}
}
