package com.coastline.platform.web;

import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PlatformWebTest
class ProblemHandlingTest {

	private final String bearer = TestTokens.staff(UUID.randomUUID()).roles("owner").bearer();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void malformedJsonIsABadRequest() {
		MvcTestResult result = postNote("{\"title\": ");

		assertProblem(result, ProblemType.BAD_REQUEST);
	}

	@Test
	void invalidFieldsAreListedInTheProblem() {
		MvcTestResult result = postNote("{\"title\": \"" + "x".repeat(101) + "\"}");

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.errors[*].field", (fields) -> assertThat(fields).asList().containsExactly("title"))
			.hasPathSatisfying("$.errors[0].message", (message) -> assertThat(message).asString().isNotBlank());
	}

	@Test
	void blankFieldIsAValidationError() {
		MvcTestResult result = postNote("{\"title\": \" \"}");

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.errors[*].field", (fields) -> assertThat(fields).asList().containsExactly("title"));
	}

	@Test
	void wrongPathVariableTypeIsABadRequest() {
		MvcTestResult result = get("/notes/not-a-uuid");

		assertProblem(result, ProblemType.BAD_REQUEST);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.parameter", (name) -> assertThat(name).asString().isEqualTo("id"));
	}

	@Test
	void unknownIdIsNotFound() {
		UUID unknown = UUID.randomUUID();

		MvcTestResult result = get("/notes/" + unknown);

		assertProblem(result, ProblemType.NOT_FOUND);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.instance", (instance) -> assertThat(instance).asString().isEqualTo("/notes/" + unknown));
	}

	@Test
	void unknownPathIsNotFound() {
		assertProblem(get("/no-such-endpoint"), ProblemType.NOT_FOUND);
	}

	@Test
	void duplicateIsAConflict() {
		// given
		assertThat(postNote("{\"title\": \"Roof\"}")).hasStatus(201);

		// when
		MvcTestResult duplicate = postNote("{\"title\": \"Roof\"}");

		// then
		assertProblem(duplicate, ProblemType.CONFLICT);
		assertThat(duplicate).bodyText().doesNotContain("workspace_id", "duplicate key", "constraint");
	}

	@Test
	void staleVersionIsAConflict() throws Exception {
		// given a note changed once since version 0 was read
		String id = JsonPath.read(postNote("{\"title\": \"Windows\"}").getResponse().getContentAsString(), "$.id");
		assertThat(putNote(id, "{\"title\": \"Windows, double glazed\", \"version\": 0}")).hasStatusOk();

		// when an update still based on version 0 arrives
		MvcTestResult stale = putNote(id, "{\"title\": \"Windows, triple glazed\", \"version\": 0}");

		// then
		assertProblem(stale, ProblemType.CONFLICT);
	}

	@Test
	void domainRefusalIsUnprocessable() throws Exception {
		String id = JsonPath.read(postNote("{\"title\": \"Empty\"}").getResponse().getContentAsString(), "$.id");

		MvcTestResult result = this.mvc.post().uri("/notes/" + id + "/publish").header(HttpHeaders.AUTHORIZATION, this.bearer).exchange();

		assertProblem(result, ProblemType.UNPROCESSABLE);
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.detail", (detail) -> assertThat(detail).asString().isEqualTo("An empty note cannot be published."));
	}

	@Test
	void throttledRequestSaysWhenToRetry() {
		MvcTestResult result = get("/limited");

		assertProblem(result, ProblemType.TOO_MANY_REQUESTS);
		assertThat(result).headers().hasSingleValue(HttpHeaders.RETRY_AFTER, "30");
	}

	@Test
	void unsupportedMethodIsAProblemToo() {
		MvcTestResult result = this.mvc.delete().uri("/notes").header(HttpHeaders.AUTHORIZATION, this.bearer).exchange();

		assertThat(result).hasStatus(405).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unexpectedErrorIsAGenericProblemWithoutInternals() {
		MvcTestResult result = get("/boom");

		assertProblem(result, ProblemType.INTERNAL_ERROR);
		assertThat(result).bodyText()
			.doesNotContain("secret", "IllegalStateException", "NoteController", "trace", "jdbc:");
		assertThat(result).bodyJson()
			.hasPathSatisfying("$.detail", (detail) -> assertThat(detail).asString().isEqualTo("An unexpected error occurred."));
	}

	private MvcTestResult get(String path) {
		return this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, this.bearer).exchange();
	}

	private MvcTestResult postNote(String json) {
		return this.mvc.post()
			.uri("/notes")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult putNote(String id, String json) {
		return this.mvc.put()
			.uri("/notes/" + id)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}
}
