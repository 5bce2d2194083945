package com.coastline.automation.automation;

import java.util.UUID;

import com.coastline.automation.AutomationServiceTest;
import com.coastline.automation.BackOffice;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.automation.BackOffice.automation;
import static com.coastline.automation.BackOffice.body;
import static com.coastline.platform.web.testing.ProblemAssertions.assertInvalidFields;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@AutomationServiceTest
class AutomationApiTest {

	@Autowired
	MockMvcTester mvc;

	final UUID workspace = UUID.randomUUID();

	final String staffSubject = "staff-" + UUID.randomUUID();

	BackOffice backOffice;

	@BeforeEach
	void setUp() {
		backOffice = new BackOffice(mvc, TestTokens.staff(workspace).subject(staffSubject).roles("owner").bearer());
	}

	@Test
	void createdAutomationIsAnsweredWithItsLocationAndCanBeReadBack() {
		MvcTestResult created = backOffice.post("/api/automations", """
				{"name": "Welcome to the portal", "trigger": "PROJECT_APPROVED",
				 "actions": [{"type": "SEND_EMAIL", "subject": "Your project is approved", "body": "Hi!"}]}""");

		assertThat(created).hasStatus(201);
		String id = JsonPath.read(body(created), "$.id");
		assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/automations/" + id);
		assertThat(created).bodyJson()
			.hasPathSatisfying("$.name", v -> assertThat(v).isEqualTo("Welcome to the portal"))
			.hasPathSatisfying("$.trigger", v -> assertThat(v).isEqualTo("PROJECT_APPROVED"))
			.hasPathSatisfying("$.enabled", v -> assertThat(v).isEqualTo(true))
			.hasPathSatisfying("$.actions[0].type", v -> assertThat(v).isEqualTo("SEND_EMAIL"))
			.hasPathSatisfying("$.actions[0].subject", v -> assertThat(v).isEqualTo("Your project is approved"))
			.hasPathSatisfying("$.actions[0].body", v -> assertThat(v).isEqualTo("Hi!"))
			.hasPathSatisfying("$.createdBy", v -> assertThat(v).isEqualTo(staffSubject))
			.hasPathSatisfying("$.updatedBy", v -> assertThat(v).isEqualTo(staffSubject))
			.hasPathSatisfying("$.createdAt", v -> assertThat(v).isNotNull())
			.hasPathSatisfying("$.version", v -> assertThat(v).isEqualTo(0));
		assertThat(backOffice.get("/api/automations/" + id)).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.id", v -> assertThat(v).isEqualTo(id))
			.hasPathSatisfying("$.actions[0].subject", v -> assertThat(v).isEqualTo("Your project is approved"));
	}

	@Test
	void listShowsTheWorkspacesAutomationsOldestFirst() {
		UUID first = backOffice.createAutomation("First", true, "One", "Body one");
		UUID second = backOffice.createAutomation("Second", false, "Two", "Body two");

		assertThat(backOffice.get("/api/automations")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[*].id", v -> assertThat(v).asList().containsExactly(first.toString(), second.toString()))
			.hasPathSatisfying("$[*].enabled", v -> assertThat(v).asList().containsExactly(true, false));
	}

	@Test
	void updateReplacesNameEnabledFlagAndActionsAndRecordsWhoChangedIt() {
		UUID id = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		String editor = "staff-" + UUID.randomUUID();
		BackOffice colleague = new BackOffice(mvc, TestTokens.staff(workspace).subject(editor).bearer());

		MvcTestResult updated = colleague.put("/api/automations/" + id, """
				{"name": "Welcome, edited", "enabled": false, "version": 0,
				 "actions": [{"type": "SEND_EMAIL", "subject": "New subject", "body": "New body"}]}""");

		assertThat(updated).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.name", v -> assertThat(v).isEqualTo("Welcome, edited"))
			.hasPathSatisfying("$.enabled", v -> assertThat(v).isEqualTo(false))
			.hasPathSatisfying("$.actions[*].subject", v -> assertThat(v).asList().containsExactly("New subject"))
			.hasPathSatisfying("$.createdBy", v -> assertThat(v).isEqualTo(staffSubject))
			.hasPathSatisfying("$.updatedBy", v -> assertThat(v).isEqualTo(editor))
			.hasPathSatisfying("$.version", v -> assertThat(v).isEqualTo(1));
		assertThat(backOffice.get("/api/automations/" + id)).bodyJson()
			.hasPathSatisfying("$.actions[0].body", v -> assertThat(v).isEqualTo("New body"));
	}

	@Test
	void updateAgainstAStaleVersionIsAConflict() {
		UUID id = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		String change = """
				{"name": "%s", "enabled": true, "version": 0,
				 "actions": [{"type": "SEND_EMAIL", "subject": "S", "body": "B"}]}""";
		assertThat(backOffice.put("/api/automations/" + id, change.formatted("First edit"))).hasStatusOk();

		MvcTestResult stale = backOffice.put("/api/automations/" + id, change.formatted("Second edit"));

		assertProblem(stale, ProblemType.CONFLICT);
		assertThat(backOffice.get("/api/automations/" + id)).bodyJson()
			.hasPathSatisfying("$.name", v -> assertThat(v).isEqualTo("First edit"));
	}

	@Test
	void blankNameIsAValidationProblem() {
		assertInvalidFields(backOffice.post("/api/automations", automation(" ", true, "S", "B")), "name");
	}

	@Test
	void automationWithoutActionsIsAValidationProblem() {
		MvcTestResult result = backOffice.post("/api/automations",
				"{\"name\": \"Nothing\", \"trigger\": \"PROJECT_APPROVED\", \"actions\": []}");

		assertInvalidFields(result, "actions");
	}

	@Test
	void unknownTriggerIsAValidationProblemNamingTheField() {
		MvcTestResult result = backOffice.post("/api/automations",
				automation("Later", true, "S", "B").replace("PROJECT_APPROVED", "MOON_RISES"));

		assertInvalidFields(result, "trigger");
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.errors[0].message", v -> assertThat(v).asString().contains("PROJECT_APPROVED"));
	}

	@Test
	void unknownActionTypeIsAValidationProblem() {
		MvcTestResult result = backOffice.post("/api/automations",
				automation("Text", true, "S", "B").replace("SEND_EMAIL", "SEND_PIGEON"));

		assertInvalidFields(result, "actions[0].type");
	}

	@Test
	void blankSubjectAndBodyAreValidationProblems() {
		assertInvalidFields(backOffice.post("/api/automations", automation("Empty", true, "", "  ")),
				"actions[0].subject", "actions[0].body");
	}

	@Test
	void multiLineSubjectIsAValidationProblem() {
		assertInvalidFields(backOffice.post("/api/automations", automation("Split", true, "Line\r\nBcc: x", "B")),
				"actions[0].subject");
	}

	@Test
	void automationWithTwoEmailsIsUnprocessable() {
		String twoEmails = """
				{"name": "Twice", "trigger": "PROJECT_APPROVED", "actions": [
				 {"type": "SEND_EMAIL", "subject": "One", "body": "B"},
				 {"type": "SEND_EMAIL", "subject": "Two", "body": "B"}]}""";

		assertProblem(backOffice.post("/api/automations", twoEmails), ProblemType.UNPROCESSABLE);
	}

	@Test
	void unknownDynamicValueIsUnprocessableAndNamedWithTheClosestKnownOne() {
		MvcTestResult result = backOffice.post("/api/automations",
				automation("Typo", true, "Welcome", "Hi {{client.frist_name}}, see {{portal.link}}"));

		assertProblem(result, ProblemType.UNPROCESSABLE);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.detail", v -> assertThat(v).asString()
				.contains("{{client.frist_name}}", "did you mean {{client.first_name}}"));
		assertThat(backOffice.get("/api/automations")).bodyJson().isEqualTo("[]");
	}

	@Test
	void unknownDynamicValueInAChangedSubjectIsUnprocessable() {
		UUID id = backOffice.createAutomation("Welcome", true, "Hi {{client.first_name}}", "Body {{portal.link}}");

		MvcTestResult result = backOffice.put("/api/automations/" + id, """
				{"name": "Welcome", "enabled": true,
				 "actions": [{"type": "SEND_EMAIL", "subject": "About {{project.nam}}", "body": "B"}]}""");

		assertProblem(result, ProblemType.UNPROCESSABLE);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.detail", v -> assertThat(v).asString().contains("{{project.nam}}", "subject"));
	}

	@Test
	void templateSyntaxBeyondPlainValuesIsUnprocessable() {
		MvcTestResult result = backOffice.post("/api/automations",
				automation("Raw", true, "S", "Hi {{{client.first_name}}}"));

		assertProblem(result, ProblemType.UNPROCESSABLE);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.detail", v -> assertThat(v).asString().contains("unescaped values"));
	}

	@Test
	void emailCopiedFromATemplateOfTheWorkspace() {
		String templates = body(backOffice.get("/api/email-templates"));
		String templateId = JsonPath.read(templates, "$[0].id");

		MvcTestResult created = backOffice.post("/api/automations", """
				{"name": "From the library", "trigger": "PROJECT_APPROVED",
				 "actions": [{"type": "SEND_EMAIL", "templateId": "%s"}]}""".formatted(templateId));

		assertThat(created).hasStatus(201)
			.bodyJson()
			.hasPathSatisfying("$.actions[0].templateId", v -> assertThat(v).isEqualTo(templateId))
			.hasPathSatisfying("$.actions[0].subject",
					v -> assertThat(v).isEqualTo(JsonPath.read(templates, "$[0].subject")))
			.hasPathSatisfying("$.actions[0].body", v -> assertThat(v).isEqualTo(JsonPath.read(templates, "$[0].body")));
	}

	@Test
	void emailGivenWithATemplateIdKeepsItsOwnSubjectAndBody() {
		String templateId = JsonPath.read(body(backOffice.get("/api/email-templates")), "$[0].id");

		MvcTestResult created = backOffice.post("/api/automations", """
				{"name": "Edited", "trigger": "PROJECT_APPROVED", "actions": [{"type": "SEND_EMAIL",
				 "subject": "My subject", "body": "My body {{portal.link}}", "templateId": "%s"}]}""".formatted(templateId));

		assertThat(created).hasStatus(201)
			.bodyJson()
			.hasPathSatisfying("$.actions[0].subject", v -> assertThat(v).isEqualTo("My subject"))
			.hasPathSatisfying("$.actions[0].body", v -> assertThat(v).isEqualTo("My body {{portal.link}}"))
			.hasPathSatisfying("$.actions[0].templateId", v -> assertThat(v).isEqualTo(templateId));
	}

	@Test
	void anotherWorkspacesTemplateCannotBeCopied() {
		BackOffice otherWorkspace = new BackOffice(mvc, UUID.randomUUID());
		String foreignTemplate = JsonPath.read(body(otherWorkspace.get("/api/email-templates")), "$[0].id");

		MvcTestResult result = backOffice.post("/api/automations", """
				{"name": "Borrowed", "trigger": "PROJECT_APPROVED",
				 "actions": [{"type": "SEND_EMAIL", "templateId": "%s"}]}""".formatted(foreignTemplate));

		assertProblem(result, ProblemType.UNPROCESSABLE);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.detail", v -> assertThat(v).asString().contains(foreignTemplate));
	}

	@Test
	void emailWithNeitherContentNorTemplateIsAValidationProblem() {
		assertInvalidFields(backOffice.post("/api/automations", """
				{"name": "Empty", "trigger": "PROJECT_APPROVED", "actions": [{"type": "SEND_EMAIL"}]}"""),
				"actions[0].content");
		assertInvalidFields(backOffice.post("/api/automations", """
				{"name": "Half", "trigger": "PROJECT_APPROVED", "actions": [{"type": "SEND_EMAIL", "subject": "S"}]}"""),
				"actions[0].content");
	}

	@Test
	void updateIsValidatedLikeCreation() {
		UUID id = backOffice.createAutomation("Welcome", true, "Approved", "Hi");

		MvcTestResult result = backOffice.put("/api/automations/" + id, "{\"name\": \"\", \"actions\": []}");

		assertInvalidFields(result, "name", "enabled", "actions");
	}

	@Test
	void unreadableBodyIsABadRequest() {
		assertProblem(backOffice.post("/api/automations", "{\"name\": "), ProblemType.BAD_REQUEST);
	}

	@Test
	void unknownAutomationIsNotFound() {
		assertProblem(backOffice.get("/api/automations/" + UUID.randomUUID()), ProblemType.NOT_FOUND);
		assertProblem(backOffice.get("/api/automations/" + UUID.randomUUID() + "/runs"), ProblemType.NOT_FOUND);
	}

	@Test
	void anotherWorkspaceSeesNoneOfTheAutomationsAndGetsNotFoundForTheirIds() {
		UUID id = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		BackOffice otherWorkspace = new BackOffice(mvc, UUID.randomUUID());

		assertThat(otherWorkspace.get("/api/automations")).hasStatusOk().bodyJson().isEqualTo("[]");
		assertProblem(otherWorkspace.get("/api/automations/" + id), ProblemType.NOT_FOUND);
		assertProblem(otherWorkspace.get("/api/automations/" + id + "/runs"), ProblemType.NOT_FOUND);
		assertProblem(otherWorkspace.put("/api/automations/" + id, """
				{"name": "Taken over", "enabled": false,
				 "actions": [{"type": "SEND_EMAIL", "subject": "S", "body": "B"}]}"""), ProblemType.NOT_FOUND);
		assertThat(backOffice.get("/api/automations/" + id)).bodyJson()
			.hasPathSatisfying("$.name", v -> assertThat(v).isEqualTo("Welcome"))
			.hasPathSatisfying("$.enabled", v -> assertThat(v).isEqualTo(true));
	}

	@Test
	void requestWithoutTokenIsUnauthorized() {
		assertProblem(mvc.get().uri("/api/automations").exchange(), ProblemType.UNAUTHORIZED);
		assertProblem(mvc.post().uri("/api/automations").contentType("application/json")
			.content(automation("Anonymous", true, "S", "B")).exchange(), ProblemType.UNAUTHORIZED);
	}

	@Test
	void clientTokenIsForbidden() {
		BackOffice client = new BackOffice(mvc, TestTokens.client(workspace, UUID.randomUUID()).bearer());

		assertProblem(client.get("/api/automations"), ProblemType.FORBIDDEN);
		assertProblem(client.post("/api/automations", automation("By a client", true, "S", "B")), ProblemType.FORBIDDEN);
	}

	@Test
	void tokenWithoutWorkspaceIsForbidden() {
		BackOffice noWorkspace = new BackOffice(mvc, TestTokens.staff(workspace).withoutWorkspace().bearer());

		assertProblem(noWorkspace.get("/api/automations"), ProblemType.FORBIDDEN);
		assertProblem(noWorkspace.post("/api/automations", automation("Orphan", true, "S", "B")), ProblemType.FORBIDDEN);
	}

	@Test
	void serviceClientActingForTheWorkspaceNeedsTheAdminRole() {
		BackOffice seeder = new BackOffice(mvc, TestTokens.service("seeder").workspace(workspace).roles("admin").bearer());
		BackOffice otherService = new BackOffice(mvc, TestTokens.service("media").workspace(workspace).bearer());

		assertThat(seeder.get("/api/automations")).hasStatusOk();
		assertProblem(otherService.get("/api/automations"), ProblemType.FORBIDDEN);
	}
}
