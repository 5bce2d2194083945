package com.coastline.project.portal;

import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.PortalClient;
import com.coastline.project.ProjectServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal is for portal clients only, and shows each only their own projects; the new back-office
 * endpoints are for staff only.
 */
@ProjectServiceTest
class PortalAccessTest {

	@Autowired
	MockMvcTester mvc;

	BackOffice backOffice;

	UUID dana;

	UUID project;

	@BeforeEach
	void givenAProjectOfDana() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		this.project = this.backOffice.createProject("Roof", null, this.dana);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/portal/projects/{id}", "/portal/projects/{id}/timeline",
			"/portal/projects/{id}/appointments" })
	void anotherContactsAnotherWorkspacesAndUnknownProjectsAreNotFound(String path) {
		UUID sam = this.backOffice.createContact("Sam", "Ortiz", "sam@example.com");
		String uri = path.replace("{id}", this.project.toString());

		assertThat(portal(this.backOffice.workspace(), this.dana).get(uri)).hasStatusOk();
		assertProblem(portal(this.backOffice.workspace(), sam).get(uri), ProblemType.NOT_FOUND);
		assertProblem(portal(UUID.randomUUID(), this.dana).get(uri), ProblemType.NOT_FOUND);
		assertProblem(portal(this.backOffice.workspace(), this.dana).get(path.replace("{id}", UUID.randomUUID().toString())),
				ProblemType.NOT_FOUND);
	}

	@Test
	void listsShowOnlyTheClientsOwnProjects() {
		UUID sam = this.backOffice.createContact("Sam", "Ortiz", "sam@example.com");
		this.backOffice.createProject("Deck", null, sam);

		assertThat(portal(this.backOffice.workspace(), this.dana).get("/portal/projects")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.containsExactly("Roof");
		assertThat(portal(UUID.randomUUID(), this.dana).get("/portal/projects")).hasStatusOk().bodyJson().isEqualTo("[]");
		assertThat(portal(this.backOffice.workspace(), this.dana).get("/portal/projects")).bodyJson()
			.extractingPath("$[0]")
			.asMap()
			.doesNotContainKeys("primaryContactId", "addedContactIds");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/portal/projects", "/portal/projects/{id}", "/portal/projects/{id}/timeline",
			"/portal/projects/{id}/appointments", "/portal/overview" })
	void staffAndServiceTokensAreForbiddenOnThePortal(String path) {
		String uri = path.replace("{id}", this.project.toString());
		UUID workspace = this.backOffice.workspace();

		assertProblem(call(HttpMethod.GET, uri, TestTokens.staff(workspace).roles("owner").mint()), ProblemType.FORBIDDEN);
		assertProblem(call(HttpMethod.GET, uri, TestTokens.service("launcher").workspace(workspace).roles("admin").mint()),
				ProblemType.FORBIDDEN);
		assertProblem(call(HttpMethod.GET, uri, null), ProblemType.UNAUTHORIZED);
	}

	@ParameterizedTest
	@CsvSource({ "PUT, /api/projects/{id}", "POST, /api/projects/{id}/start-estimating", "POST, /api/projects/{id}/start",
			"POST, /api/projects/{id}/complete", "POST, /api/projects/{id}/cancel",
			"PUT, /api/projects/{id}/primary-contact", "POST, /api/projects/{id}/contacts/{contact}",
			"DELETE, /api/projects/{id}/contacts/{contact}", "GET, /api/projects/{id}/timeline",
			"POST, /api/projects/{id}/appointments", "GET, /api/projects/{id}/appointments",
			"GET, /api/appointments/{id}", "PUT, /api/appointments/{id}", "POST, /api/appointments/{id}/reschedule",
			"POST, /api/appointments/{id}/cancel", "POST, /api/appointments/{id}/complete" })
	void clientTokensAreForbiddenOnTheBackOffice(HttpMethod method, String path) {
		String uri = path.replace("{id}", this.project.toString()).replace("{contact}", this.dana.toString());

		MvcTestResult called = call(method, uri, TestTokens.client(this.backOffice.workspace(), this.dana).mint());

		assertProblem(called, ProblemType.FORBIDDEN);
		assertThat(this.backOffice.get("/api/projects/" + this.project)).bodyJson()
			.extractingPath("$.version")
			.isEqualTo(1);
	}

	private PortalClient portal(UUID workspace, UUID contact) {
		return new PortalClient(this.mvc, workspace, contact);
	}

	private MvcTestResult call(HttpMethod method, String uri, String token) {
		var request = this.mvc.method(method).uri(uri);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			request = request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return request.exchange();
	}
}
