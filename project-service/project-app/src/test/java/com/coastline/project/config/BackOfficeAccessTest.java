package com.coastline.project.config;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The back-office APIs are for a workspace's staff (and admin services), with a valid token. */
@ProjectServiceTest
class BackOfficeAccessTest {

	private static final String CONTACT = "{\"firstName\":\"Dana\",\"lastName\":\"Reyes\",\"email\":\"dana@example.com\"}";

	@Autowired
	MockMvcTester mvc;

	private final UUID workspace = UUID.randomUUID();

	@ParameterizedTest
	@CsvSource({ "POST, /api/contacts", "GET, /api/contacts", "GET, /api/contacts/{id}", "PUT, /api/contacts/{id}",
			"POST, /api/contacts/{id}/archive", "POST, /api/projects", "GET, /api/projects", "GET, /api/projects/{id}",
			"POST, /api/projects/{id}/approve" })
	void everyEndpointNeedsAValidStaffToken(HttpMethod method, String path) {
		String uri = path.replace("{id}", UUID.randomUUID().toString());

		assertProblem(call(method, uri, null), ProblemType.UNAUTHORIZED);
		assertProblem(call(method, uri, TestTokens.staff(this.workspace).forgedWithForeignKey()), ProblemType.UNAUTHORIZED);
		assertProblem(call(method, uri, TestTokens.staff(this.workspace).expiresIn(Duration.ofSeconds(-120)).mint()),
				ProblemType.UNAUTHORIZED);
		assertProblem(call(method, uri, TestTokens.client(this.workspace, UUID.randomUUID()).mint()),
				ProblemType.FORBIDDEN);
		assertProblem(call(method, uri, TestTokens.staff(this.workspace).withoutWorkspace().mint()),
				ProblemType.FORBIDDEN);
		assertProblem(call(method, uri, TestTokens.service("automation").workspace(this.workspace).mint()),
				ProblemType.FORBIDDEN);
		assertProblem(call(method, uri, TestTokens.service("launcher").roles("admin").mint()), ProblemType.FORBIDDEN);
	}

	@ParameterizedTest
	@CsvSource({ "staff", "admin service" })
	void staffAndAdminServicesOfTheWorkspaceMayUseTheApi(String caller) {
		String token = caller.equals("staff") ? TestTokens.staff(this.workspace).mint()
				: TestTokens.service("launcher").workspace(this.workspace).roles("admin").mint();

		MvcTestResult created = call(HttpMethod.POST, "/api/contacts", token);

		assertThat(created).hasStatus(201);
		assertThat(call(HttpMethod.GET, "/api/contacts/" + BackOffice.id(created), token)).hasStatusOk();
	}

	@Test
	void theOpenApiDocumentIsPublicAndListsTheBackOfficeApiButOpensNothingElse() throws Exception {
		MvcTestResult document = this.mvc.get().uri("/v3/api-docs").header(HttpHeaders.HOST, "evil.example").exchange();

		assertThat(document).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		String body = document.getResponse().getContentAsString();
		Map<String, Object> paths = JsonPath.read(body, "$.paths");
		assertThat(paths).containsKeys("/api/contacts", "/api/projects", "/api/projects/{id}",
				"/api/projects/{projectId}/estimates", "/api/estimates/{id}", "/api/invoices", "/api/payment-settings",
				"/portal/estimates");
		assertThat(paths.keySet()).noneMatch((path) -> path.startsWith("/test-checkout"));
		assertThat(JsonPath.<String>read(body, "$.servers[0].url")).isEqualTo("/");
		assertThat(body).doesNotContain("evil.example");
		assertProblem(call(HttpMethod.GET, "/v3/api-docs.yaml", null), ProblemType.UNAUTHORIZED);
		assertProblem(call(HttpMethod.GET, "/v3/api-docs/swagger-config", null), ProblemType.UNAUTHORIZED);
	}

	private MvcTestResult call(HttpMethod method, String uri, String token) {
		var request = this.mvc.method(method).uri(uri);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(CONTACT);
		}
		return request.exchange();
	}
}
