package com.coastline.platform.web.testapp;

import java.util.Optional;
import java.util.UUID;

import com.coastline.platform.test.security.TestIssuer;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** Services' {@code @WebMvcTest} slices get the same security and problems as the running service. */
@WebMvcTest(NoteController.class)
class WebMvcSliceTest {

	@DynamicPropertySource
	static void testIssuer(DynamicPropertyRegistry registry) {
		TestIssuer.properties().forEach(registry::add);
	}

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Notes notes;

	@Test
	void sliceRefusesRequestsWithoutToken() {
		MvcTestResult result = this.mvc.get().uri("/notes/" + UUID.randomUUID()).exchange();

		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void sliceAnswersDomainErrorsAsProblems() {
		// given
		UUID id = UUID.randomUUID();
		given(this.notes.findById(id)).willReturn(Optional.empty());

		// when
		MvcTestResult result = this.mvc.get()
			.uri("/notes/" + id)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(UUID.randomUUID()).bearer())
			.exchange();

		// then
		assertThat(result).hasStatus(404)
			.bodyJson()
			.hasPathSatisfying("$.type", (type) -> assertThat(type).asString().isEqualTo(ProblemType.NOT_FOUND.type().toString()));
	}
}
