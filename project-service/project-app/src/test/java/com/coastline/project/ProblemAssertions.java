package com.coastline.project;

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
			.hasPathSatisfying("$.type", value -> assertThat(value).asString().isEqualTo(type.type().toString()))
			.hasPathSatisfying("$.status", value -> assertThat(value).asNumber().isEqualTo(type.status().value()));
	}

	/** A problem of the type whose {@code errors} name the field. */
	public static void assertProblemNaming(MvcTestResult result, ProblemType type, String field) {
		assertProblem(result, type);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains(field);
	}
}
