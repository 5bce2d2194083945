package com.coastline.platform.web;

import java.util.List;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.platform.web.testapp.Note;
import com.coastline.platform.web.testapp.Notes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PlatformWebTest
class TenantIsolationTest {

	private final UUID workspaceA = UUID.randomUUID();

	private final UUID workspaceB = UUID.randomUUID();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Notes notes;

	private UUID noteOfA;

	@BeforeEach
	void createNoteInWorkspaceA() throws Exception {
		MvcTestResult created = this.mvc.post()
			.uri("/notes")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(this.workspaceA).bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Kitchen measurements\"}")
			.exchange();
		assertThat(created).hasStatus(201);
		this.noteOfA = UUID.fromString(JsonPath.read(created.getResponse().getContentAsString(), "$.id"));
	}

	@Test
	void rowIsStampedWithTheTokensWorkspace() {
		MvcTestResult result = get("/notes/" + this.noteOfA, TestTokens.staff(this.workspaceA).mint());

		assertThat(result).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.workspaceId", (value) -> assertThat(value).asString().isEqualTo(this.workspaceA.toString()));
	}

	@Test
	void anotherWorkspaceDoesNotSeeTheRowInAList() {
		MvcTestResult result = get("/notes", TestTokens.staff(this.workspaceB).mint());

		assertThat(result).hasStatusOk().bodyJson().isEqualTo("[]");
	}

	@Test
	void anotherWorkspaceGetsNotFoundForTheRowsId() {
		MvcTestResult result = get("/notes/" + this.noteOfA, TestTokens.staff(this.workspaceB).mint());

		assertProblem(result, ProblemType.NOT_FOUND);
	}

	@Test
	void anotherWorkspaceCannotUpdateTheRow() {
		MvcTestResult result = this.mvc.put()
			.uri("/notes/" + this.noteOfA)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(this.workspaceB).bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Taken over\",\"version\":0}")
			.exchange();

		assertProblem(result, ProblemType.NOT_FOUND);
		assertThat(TenantScope.runAs(this.workspaceA, () -> this.notes.findById(this.noteOfA)))
			.get()
			.extracting(Note::getTitle)
			.isEqualTo("Kitchen measurements");
	}

	@Test
	void tokenWithoutWorkspaceSeesNothing() {
		String noWorkspace = TestTokens.service("automation").mint();

		assertThat(get("/notes", noWorkspace)).hasStatusOk().bodyJson().isEqualTo("[]");
		assertProblem(get("/notes/" + this.noteOfA, noWorkspace), ProblemType.NOT_FOUND);
	}

	@Test
	void tokenWithoutWorkspaceCannotCreateRows() {
		MvcTestResult result = this.mvc.post()
			.uri("/notes")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(this.workspaceA).withoutWorkspace().bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Orphan\"}")
			.exchange();

		assertProblem(result, ProblemType.FORBIDDEN);
	}

	@Test
	void workspaceScopeSeesOnlyThatWorkspace() {
		List<Note> inA = TenantScope.runAs(this.workspaceA, () -> this.notes.findAll());
		List<Note> inB = TenantScope.runAs(this.workspaceB, () -> this.notes.findAll());

		assertThat(inA).extracting(Note::getId).containsExactly(this.noteOfA);
		assertThat(inB).isEmpty();
	}

	@Test
	void workWithoutTenantSeesNothing() {
		assertThat(this.notes.findAll()).isEmpty();
		assertThat(this.notes.findById(this.noteOfA)).isEmpty();
	}

	@Test
	void rootScopeSeesEveryWorkspace() {
		// given a second note, in workspace B
		TenantScope.runAs(this.workspaceB, () -> this.notes.saveAndFlush(new Note(UUID.randomUUID(), "Deck plan")));

		// when
		List<Note> all = TenantScope.runAsRoot(() -> this.notes.findAll());

		// then
		assertThat(all).extracting(Note::getWorkspaceId).contains(this.workspaceA, this.workspaceB);
	}

	private MvcTestResult get(String path, String token) {
		return this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}
}
