package com.coastline.platform.web.testing;

import com.coastline.platform.web.problem.ProblemType;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that a response is an RFC 9457 problem of a given type. */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	public static void assertProblem(MvcTestResult result, ProblemType type) {
		assertThat(result).hasStatus(type.status())
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.type", (value) -> assertThat(value).asString().isEqualTo(type.type().toString()))
			.hasPathSatisfying("$.title", (value) -> assertThat(value).asString().isEqualTo(type.title()))
			.hasPathSatisfying("$.status", (value) -> assertThat(value).asNumber().isEqualTo(type.status().value()));
	}

	/** A problem of the type whose {@code errors} name (at least) these fields. */
	public static void assertProblemNaming(MvcTestResult result, ProblemType type, String... fields) {
		assertProblem(result, type);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains((Object[]) fields);
	}

	/** A validation problem that names exactly these fields. */
	public static void assertInvalidFields(MvcTestResult result, String... fields) {
		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder((Object[]) fields);
	}
}
