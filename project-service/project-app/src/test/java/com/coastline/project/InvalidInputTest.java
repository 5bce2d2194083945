package com.coastline.project;

import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.project.BackOffice.json;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is answered with a problem that says what is wrong, never with a 500. */
@ProjectServiceTest
class InvalidInputTest {

	@Autowired
	MockMvcTester mvc;

	BackOffice backOffice;

	@BeforeEach
	void setUp() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-email", "dana@example", "dana@@example.com", "dana@exa mple.com",
			"dana@example.com, sam@example.com", "dana@example.com;sam@example.com", "Dana <dana@example.com>",
			"dana@example.com\r\nBcc: everyone@example.com", "dana@example.com\nSubject: hi", "\"dana\"@example.com",
			"dana@[127.0.0.1]", ".dana@example.com", "dana..reyes@example.com" })
	void aContactNeedsExactlyOnePlainEmailAddress(String email) {
		MvcTestResult created = this.backOffice.post("/api/contacts",
				json("firstName", "Dana", "lastName", "Reyes", "email", email));

		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "email");
		assertThat(this.backOffice.get("/api/contacts")).bodyJson().isEqualTo("[]");
	}

	@Test
	void aContactNeedsBothNamesAndAnEmail() {
		MvcTestResult created = this.backOffice.post("/api/contacts", json("firstName", " ", "lastName", null, "email", ""));

		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "firstName");
		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "lastName");
		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "email");
	}

	@Test
	void namesAreSingleLinesOfReasonableLength() {
		MvcTestResult created = this.backOffice.post("/api/contacts", json("firstName", "Dana\r\nBcc: x@example.com",
				"lastName", "R".repeat(101), "email", "dana@example.com", "phone", "call me"));

		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "firstName");
		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "lastName");
		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "phone");
	}

	@Test
	void anUpdateIsValidatedLikeACreation() {
		UUID contact = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");

		MvcTestResult updated = this.backOffice.put("/api/contacts/" + contact,
				json("firstName", "Dana", "lastName", "", "email", "dana@example.com, sam@example.com"));

		assertProblemNaming(updated, ProblemType.VALIDATION_FAILED, "lastName");
		assertProblemNaming(updated, ProblemType.VALIDATION_FAILED, "email");
		assertThat(this.backOffice.get("/api/contacts/" + contact)).bodyJson().extractingPath("$.version").isEqualTo(1);
	}

	@Test
	void aProjectNeedsANameAndAPrimaryContact() {
		MvcTestResult created = this.backOffice.post("/api/projects", json("name", "", "address", "Line 1\nLine 2"));

		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "name");
		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "address");
		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "primaryContactId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/contacts", "/api/projects" })
	void malformedJsonIsABadRequest(String path) {
		assertProblem(this.backOffice.post(path, "{\"name\": \"Roof\", "), ProblemType.BAD_REQUEST);
		assertProblem(this.backOffice.post(path, "[]"), ProblemType.BAD_REQUEST);
		assertProblem(this.backOffice.post(path, ""), ProblemType.BAD_REQUEST);
	}

	@Test
	void aPrimaryContactIdThatIsNoUuidIsABadRequest() {
		MvcTestResult created = this.backOffice.post("/api/projects", json("name", "Roof", "primaryContactId", "dana"));

		assertProblem(created, ProblemType.BAD_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/contacts/not-a-uuid", "/api/projects/42" })
	void anIdThatIsNoUuidIsABadRequest(String path) {
		assertProblem(this.backOffice.get(path), ProblemType.BAD_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/contacts/%s", "/api/projects/%s" })
	void anUnknownIdIsNotFound(String path) {
		assertProblem(this.backOffice.get(path.formatted(UUID.randomUUID())), ProblemType.NOT_FOUND);
	}

	@Test
	void changesToUnknownIdsAreNotFound() {
		UUID unknown = UUID.randomUUID();

		assertProblem(this.backOffice.put("/api/contacts/" + unknown,
				json("firstName", "Dana", "lastName", "Reyes", "email", "dana@example.com")), ProblemType.NOT_FOUND);
		assertProblem(this.backOffice.post("/api/contacts/" + unknown + "/archive"), ProblemType.NOT_FOUND);
		assertProblem(this.backOffice.post("/api/projects/" + unknown + "/approve"), ProblemType.NOT_FOUND);
	}
}
