package com.coastline.platform.web;

import java.util.List;
import java.util.UUID;

import com.coastline.platform.test.jpa.Statements;
import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.platform.web.testapp.Note;
import com.coastline.platform.web.testapp.Notes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.hibernate.ObjectNotFoundException;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PlatformWebTest
class TenantIsolationTest {

	private final UUID workspaceA = UUID.randomUUID();

	private final UUID workspaceB = UUID.randomUUID();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Notes notes;

	@Autowired
	private PlatformTransactionManager transactions;

	@PersistenceContext
	private EntityManager entityManager;

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

	/**
	 * Loads by id run Hibernate's one plan for the entity, without the tenant predicate (TenantCheckedLoads): the
	 * row's workspace is compared afterwards. Hibernate would otherwise build a new plan for every load.
	 */
	@Test
	void theWorkspacesOwnRowIsLoadedByIdWithoutTheTenantPredicate() {
		List<String> statements = Statements.during(() -> inTransaction(this.workspaceA,
				() -> assertThat(this.entityManager.find(Note.class, this.noteOfA)).extracting(Note::getTitle)
					.isEqualTo("Kitchen measurements"))).statements();

		assertThat(statements).singleElement()
			.satisfies(sql -> assertThat(sql.substring(sql.indexOf(" where "))).doesNotContain("workspace_id"));
	}

	@Test
	void anotherWorkspacesRowLoadedByIdIsNotFoundAndDoesNotStayInTheSession() {
		inTransaction(this.workspaceB, () -> {
			assertThat(this.entityManager.find(Note.class, this.noteOfA)).isNull();
			assertThat(this.entityManager.unwrap(Session.class).getStatistics().getEntityCount()).isZero();
			return null;
		});
	}

	@Test
	void aLockingLoadByIdKeepsTheTenantPredicate() {
		List<String> statements = Statements.during(() -> inTransaction(this.workspaceB,
				() -> {
					assertThat(this.entityManager.find(Note.class, this.noteOfA, LockModeType.PESSIMISTIC_WRITE)).isNull();
					return null;
				})).statements();

		assertThat(statements).singleElement()
			.satisfies(sql -> assertThat(sql.substring(sql.indexOf(" where "))).contains("workspace_id"));
	}

	@Test
	void aReferenceToAnotherWorkspacesRowCannotBeRead() {
		inTransaction(this.workspaceB, () -> {
			Note reference = this.entityManager.getReference(Note.class, this.noteOfA);
			assertThatThrownBy(reference::getTitle).isInstanceOfAny(EntityNotFoundException.class,
					ObjectNotFoundException.class);
			return null;
		});
	}

	@Test
	void theWorkspacesOwnRowLoadsAfterAnotherWorkspacesWasRefusedInTheSameSession() {
		UUID noteOfB = TenantScope.runAs(this.workspaceB,
				() -> this.notes.saveAndFlush(new Note(UUID.randomUUID(), "Porch railing")).getId());

		inTransaction(this.workspaceB, () -> {
			assertThat(this.entityManager.find(Note.class, this.noteOfA)).isNull();
			assertThat(this.entityManager.find(Note.class, noteOfB)).extracting(Note::getTitle).isEqualTo("Porch railing");
			assertThat(this.entityManager.find(Note.class, this.noteOfA)).isNull();
			return null;
		});
	}

	/**
	 * Hibernate's filter does not reach plain SQL: such a query names the workspace itself, and an entity of another
	 * workspace that one without the predicate would load fails the load instead of reaching the application.
	 */
	@Test
	void aPlainSqlQueryCannotHandOutAnotherWorkspacesRow() {
		String all = "select * from note";
		String ownWorkspace = "select * from note where workspace_id = :workspace";

		assertThatThrownBy(() -> inTransaction(this.workspaceB, () -> this.entityManager
			.createNativeQuery(all, Note.class)
			.getResultList())).satisfies(ex -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("another workspace"));
		List<?> ownOfB = inTransaction(this.workspaceB, () -> this.entityManager.createNativeQuery(ownWorkspace, Note.class)
			.setParameter("workspace", this.workspaceB)
			.getResultList());
		assertThat(ownOfB).isEmpty();
		List<?> ownOfA = inTransaction(this.workspaceA, () -> this.entityManager.createNativeQuery(ownWorkspace, Note.class)
			.setParameter("workspace", this.workspaceA)
			.getResultList());
		assertThat(ownOfA).extracting(note -> ((Note) note).getId()).containsExactly(this.noteOfA);
		List<?> everything = TenantScope.runAsRoot(() -> new TransactionTemplate(this.transactions)
			.execute(status -> this.entityManager.createNativeQuery(all, Note.class).getResultList()));
		assertThat(everything).extracting(note -> ((Note) note).getId()).contains(this.noteOfA);
	}

	private <T> T inTransaction(UUID workspace, java.util.function.Supplier<T> work) {
		return TenantScope.runAs(workspace, () -> new TransactionTemplate(this.transactions).execute(status -> work.get()));
	}

	private MvcTestResult get(String path, String token) {
		return this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}
}
