package com.coastline.automation.template;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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

import static com.coastline.automation.BackOffice.body;
import static com.coastline.platform.web.testing.ProblemAssertions.assertInvalidFields;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@AutomationServiceTest
class EmailTemplateApiTest {

	static final String TEMPLATE = """
			{"name": "Thanks", "subject": "Thanks, {{client.first_name}}", "body": "Thank you!\\n\\n{{contractor.name}}",
			 "suggestedTrigger": "PROJECT_APPROVED"}""";

	@Autowired
	MockMvcTester mvc;

	final UUID workspace = UUID.randomUUID();

	final String bearer = TestTokens.staff(workspace).roles("owner").bearer();

	BackOffice backOffice;

	@BeforeEach
	void setUp() {
		backOffice = new BackOffice(mvc, bearer);
	}

	@Test
	void aNewWorkspaceHasTheStarterTemplatesWithThePortalLink() {
		MvcTestResult list = backOffice.get("/api/email-templates");

		assertThat(list).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[*].starter",
					v -> assertThat(v).asList()
						.containsExactly("project-approved", "estimate-sent", "invoice-issued", "invoice-overdue",
								"appointment-scheduled"))
			.hasPathSatisfying("$[0].subject",
					v -> assertThat(v).isEqualTo("Your project is approved: here is your portal"))
			.hasPathSatisfying("$[0].suggestedTrigger", v -> assertThat(v).isEqualTo("PROJECT_APPROVED"))
			.hasPathSatisfying("$[*].body", v -> assertThat(v).asList()
				.allSatisfy(templateBody -> assertThat(templateBody).asString()
					.contains("{{portal.link}}", "{{client.first_name}}", "{{contractor.name}}")));
		assertThat(backOffice.get("/api/email-templates")).bodyJson()
			.hasPathSatisfying("$.length()", v -> assertThat(v).isEqualTo(5));
	}

	@Test
	void startersAreCopiedOnceWhenAWorkspaceOpensItsLibraryTwiceAtOnce() {
		List<CompletableFuture<MvcTestResult>> lists = List.of(
				CompletableFuture.supplyAsync(() -> backOffice.get("/api/email-templates")),
				CompletableFuture.supplyAsync(() -> backOffice.get("/api/email-templates")));

		lists.forEach(result -> assertThat(result.join()).hasStatusOk());
		assertThat(backOffice.get("/api/email-templates")).bodyJson()
			.hasPathSatisfying("$.length()", v -> assertThat(v).isEqualTo(5));
	}

	@Test
	void eachWorkspaceHasItsOwnLibrary() {
		String starter = firstStarterId();
		UUID own = create(TEMPLATE);
		BackOffice otherWorkspace = new BackOffice(mvc, UUID.randomUUID());

		assertThat(otherWorkspace.get("/api/email-templates")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.length()", v -> assertThat(v).isEqualTo(5))
			.hasPathSatisfying("$[*].id",
					v -> assertThat(v).asList().doesNotContain(starter, own.toString()));
		for (String id : List.of(starter, own.toString())) {
			assertProblem(otherWorkspace.get("/api/email-templates/" + id), ProblemType.NOT_FOUND);
			assertProblem(otherWorkspace.put("/api/email-templates/" + id, TEMPLATE), ProblemType.NOT_FOUND);
			assertProblem(delete(otherWorkspace(), id), ProblemType.NOT_FOUND);
			assertThat(backOffice.get("/api/email-templates/" + id)).hasStatusOk();
		}
	}

	@Test
	void templateCanBeCreatedReadChangedAndDeleted() {
		MvcTestResult created = backOffice.post("/api/email-templates", TEMPLATE);

		assertThat(created).hasStatus(201);
		String id = JsonPath.read(body(created), "$.id");
		assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/email-templates/" + id);
		assertThat(created).bodyJson()
			.hasPathSatisfying("$.name", v -> assertThat(v).isEqualTo("Thanks"))
			.hasPathSatisfying("$.subject", v -> assertThat(v).isEqualTo("Thanks, {{client.first_name}}"))
			.hasPathSatisfying("$.suggestedTrigger", v -> assertThat(v).isEqualTo("PROJECT_APPROVED"))
			.hasPathSatisfying("$.starter", v -> assertThat(v).isNull())
			.hasPathSatisfying("$.version", v -> assertThat(v).isEqualTo(0));
		assertThat(backOffice.get("/api/email-templates")).bodyJson()
			.hasPathSatisfying("$[5].id", v -> assertThat(v).isEqualTo(id));

		MvcTestResult changed = backOffice.put("/api/email-templates/" + id, """
				{"name": "Thanks again", "subject": "Thank you", "body": "See {{portal.link}}", "version": 0}""");

		assertThat(changed).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.name", v -> assertThat(v).isEqualTo("Thanks again"))
			.hasPathSatisfying("$.body", v -> assertThat(v).isEqualTo("See {{portal.link}}"))
			.hasPathSatisfying("$.suggestedTrigger", v -> assertThat(v).isNull())
			.hasPathSatisfying("$.version", v -> assertThat(v).isEqualTo(1));
		assertProblem(backOffice.put("/api/email-templates/" + id, """
				{"name": "Stale", "subject": "S", "body": "B", "version": 0}"""), ProblemType.CONFLICT);

		assertThat(delete(bearer, id)).hasStatus(204);
		assertProblem(backOffice.get("/api/email-templates/" + id), ProblemType.NOT_FOUND);
	}

	@Test
	void aDeletedStarterDoesNotComeBack() {
		String starter = firstStarterId();

		assertThat(delete(bearer, starter)).hasStatus(204);

		assertThat(backOffice.get("/api/email-templates")).bodyJson()
			.hasPathSatisfying("$.length()", v -> assertThat(v).isEqualTo(4))
			.hasPathSatisfying("$[*].starter", v -> assertThat(v).asList().doesNotContain("project-approved"));
	}

	@Test
	void unknownDynamicValueIsUnprocessableAndNamed() {
		MvcTestResult result = backOffice.post("/api/email-templates",
				TEMPLATE.replace("{{client.first_name}}", "{{client.frist_name}}"));

		assertProblem(result, ProblemType.UNPROCESSABLE);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.detail", v -> assertThat(v).asString()
				.contains("{{client.frist_name}}", "did you mean {{client.first_name}}"));
	}

	@Test
	void templateSyntaxBeyondPlainValuesIsUnprocessable() {
		String id = firstStarterId();

		MvcTestResult result = backOffice.put("/api/email-templates/" + id, """
				{"name": "Sections", "subject": "S", "body": "{{#client}}Hi{{/client}}"}""");

		assertProblem(result, ProblemType.UNPROCESSABLE);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.detail", v -> assertThat(v).asString().contains("sections"));
	}

	@Test
	void badTemplatesAreValidationProblems() {
		assertInvalidFields(backOffice.post("/api/email-templates", """
				{"name": " ", "subject": "Two\\nlines", "body": ""}"""), "name", "subject", "body");
		assertProblem(backOffice.post("/api/email-templates", TEMPLATE.replace("PROJECT_APPROVED", "MOON_RISES")),
				ProblemType.BAD_REQUEST);
	}

	@Test
	void dynamicValuesAreListedWithTheTokenToInsert() {
		assertThat(backOffice.get("/api/dynamic-values")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[*].token", v -> assertThat(v).asList()
				.containsExactly("{{client.first_name}}", "{{client.last_name}}", "{{project.name}}",
						"{{project.address}}", "{{contractor.name}}", "{{contractor.phone}}", "{{portal.link}}"))
			.hasPathSatisfying("$[6].name", v -> assertThat(v).isEqualTo("portal.link"))
			.hasPathSatisfying("$[6].label", v -> assertThat(v).isEqualTo("Customer portal link"));
	}

	@Test
	void clientsAndAnonymousCallersHaveNoLibrary() {
		BackOffice client = new BackOffice(mvc, TestTokens.client(workspace, UUID.randomUUID()).bearer());

		assertProblem(client.get("/api/email-templates"), ProblemType.FORBIDDEN);
		assertProblem(client.get("/api/dynamic-values"), ProblemType.FORBIDDEN);
		assertProblem(mvc.get().uri("/api/email-templates").exchange(), ProblemType.UNAUTHORIZED);
	}

	private String firstStarterId() {
		return JsonPath.read(body(backOffice.get("/api/email-templates")), "$[0].id");
	}

	private UUID create(String json) {
		MvcTestResult created = backOffice.post("/api/email-templates", json);
		assertThat(created).hasStatus(201);
		return UUID.fromString(JsonPath.read(body(created), "$.id"));
	}

	private String otherWorkspace() {
		return TestTokens.staff(UUID.randomUUID()).roles("owner").bearer();
	}

	private MvcTestResult delete(String token, String id) {
		return mvc.delete().uri("/api/email-templates/" + id).header(HttpHeaders.AUTHORIZATION, token).exchange();
	}
}
