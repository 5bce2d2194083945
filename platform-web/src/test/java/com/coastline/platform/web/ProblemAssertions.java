package com.coastline.platform.web;

import com.coastline.platform.web.problem.ProblemType;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that a response is an RFC 9457 problem of a given type. */
final class ProblemAssertions {

	private ProblemAssertions() {
	}

	static void assertProblem(MvcTestResult result, ProblemType type) {
		assertThat(result).hasStatus(type.status())
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.type", (value) -> assertThat(value).asString().isEqualTo(type.type().toString()))
			.hasPathSatisfying("$.title", (value) -> assertThat(value).asString().isEqualTo(type.title()))
			.hasPathSatisfying("$.status", (value) -> assertThat(value).asNumber().isEqualTo(type.status().value()));
	}
}
