package com.coastline.portal.project;

import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.portal.support.IdentityStub;
import com.coastline.portal.support.PortalFixture;
import com.coastline.portal.support.PortalServiceTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.portal.support.PortalFixture.slug;
import static com.coastline.portal.support.PortalFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalServiceTest
class CustomerPortalTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	PortalFixture portal;

	@BeforeEach
	void setUp() {
		this.portal = new PortalFixture(this.mvc, this.jdbc, this.environment);
	}

	@Test
	void theMenuItemNeedsAnActivePortal() throws Exception {
		UUID workspace = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		this.portal.projectUpserted(workspace, project, UUID.randomUUID(), 1);

		menu(workspace, project).andExpect(jsonPath("$.available").value(false))
			.andExpect(jsonPath("$.reason").value("The Customer Portal is not active"));
		this.portal.setUp(workspace, slug("inactive"));
		menu(workspace, project).andExpect(jsonPath("$.reason").value("The Customer Portal is not active"));

		this.mvc.perform(post("/api/portal-profile/activate").header("Authorization", PortalFixture.owner(workspace)))
			.andExpect(status().isOk());
		menu(workspace, project).andExpect(jsonPath("$.available").value(true))
			.andExpect(jsonPath("$.reason").doesNotExist());
	}

	@Test
	void theMenuItemNeedsAPrimaryContact() throws Exception {
		UUID workspace = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		this.portal.activePortal(workspace, slug("contact"));
		this.portal.projectUpserted(workspace, project, null, 1);

		menu(workspace, project).andExpect(jsonPath("$.available").value(false))
			.andExpect(jsonPath("$.reason").value("The project has no primary contact"));
		this.portal.projectUpserted(workspace, project, UUID.randomUUID(), 2);
		menu(workspace, project).andExpect(jsonPath("$.available").value(true));
		// An older event arriving late changes nothing.
		this.portal.projectUpserted(workspace, project, null, 1);
		menu(workspace, project).andExpect(jsonPath("$.available").value(true));
	}

	@Test
	void anotherWorkspacesProjectIsNeverAvailable() throws Exception {
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		UUID theirProject = UUID.randomUUID();
		UUID theirContact = UUID.randomUUID();
		this.portal.activePortal(mine, slug("mine"));
		this.portal.activePortal(theirs, slug("theirs"));
		this.portal.projectUpserted(theirs, theirProject, theirContact, 1);

		menu(mine, theirProject).andExpect(jsonPath("$.available").value(false))
			.andExpect(jsonPath("$.reason").value("The project has no primary contact"));
		this.mvc.perform(post("/api/projects/{id}/customer-portal-link", theirProject).header("Authorization", staff(mine)))
			.andExpect(status().isConflict());
		assertThat(IdentityStub.linkRequests(theirContact)).isEmpty();
	}

	@Test
	void staffGetAFreshLinkForThePrimaryContactFromIdentity() throws Exception {
		UUID workspace = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		UUID contact = UUID.randomUUID();
		this.portal.activePortal(workspace, slug("link"));
		this.portal.projectUpserted(workspace, project, contact, 1);
		String token = staff(workspace);

		this.mvc.perform(post("/api/projects/{id}/customer-portal-link", project).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.url", startsWith(IdentityStub.LINK_PREFIX)))
			.andExpect(jsonPath("$.expiresAt").value("2026-12-28T10:00:00Z"));

		LoggedRequest request = IdentityStub.linkRequests(contact).getFirst();
		assertThat(request.getHeader("Authorization")).isEqualTo(token);
		assertThat(request.getBodyAsString()).isEqualTo("{\"projectId\":\"" + project + "\"}");
	}

	@Test
	void noLinkWhenTheMenuItemIsUnavailable() throws Exception {
		UUID workspace = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		UUID contact = UUID.randomUUID();
		this.portal.projectUpserted(workspace, project, contact, 1);

		this.mvc.perform(post("/api/projects/{id}/customer-portal-link", project).header("Authorization", staff(workspace)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("The Customer Portal is not active"));
		assertThat(IdentityStub.linkRequests(contact)).isEmpty();
	}

	@Test
	void identityDownIsA503Problem() throws Exception {
		UUID workspace = UUID.randomUUID();
		UUID failing = UUID.randomUUID();
		UUID unreachable = UUID.randomUUID();
		UUID failingProject = UUID.randomUUID();
		UUID unreachableProject = UUID.randomUUID();
		this.portal.activePortal(workspace, slug("down"));
		this.portal.projectUpserted(workspace, failingProject, failing, 1);
		this.portal.projectUpserted(workspace, unreachableProject, unreachable, 1);
		IdentityStub.answer(failing, 500);
		IdentityStub.dropConnectionsFor(unreachable);

		for (UUID project : new UUID[] { failingProject, unreachableProject }) {
			this.mvc.perform(post("/api/projects/{id}/customer-portal-link", project).header("Authorization", staff(workspace)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "10"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:service-unavailable"));
		}
	}

	@Test
	void aFailingIdentityOpensTheCircuitAndIsNoLongerCalled() throws Exception {
		UUID workspace = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		UUID contact = UUID.randomUUID();
		this.portal.activePortal(workspace, slug("circuit"));
		this.portal.projectUpserted(workspace, project, contact, 1);
		IdentityStub.answer(contact, 503);
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker(IdentityLinks.CIRCUIT_BREAKER);
		try {
			for (int call = 0; call < 15; call++) {
				this.mvc.perform(post("/api/projects/{id}/customer-portal-link", project).header("Authorization", staff(workspace)))
					.andExpect(status().isServiceUnavailable());
			}
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
			// The breaker's window (at least 10 calls, half of them failed) opened it; later calls never left.
			assertThat(IdentityStub.linkRequests(contact)).hasSizeLessThan(15);
		}
		finally {
			breaker.reset();
		}
	}

	@Test
	void aContactIdentityRefusesIsAConflict() throws Exception {
		UUID workspace = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		UUID archived = UUID.randomUUID();
		this.portal.activePortal(workspace, slug("archived"));
		this.portal.projectUpserted(workspace, project, archived, 1);
		IdentityStub.answer(archived, 409);

		this.mvc.perform(post("/api/projects/{id}/customer-portal-link", project).header("Authorization", staff(workspace)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("tag:coastline.app,2026:problem:customer-portal-unavailable"));
	}

	@Test
	void clientsCannotAskForTheMenuOrALink() throws Exception {
		UUID workspace = UUID.randomUUID();
		String client = TestTokens.client(workspace, UUID.randomUUID()).bearer();

		this.mvc.perform(get("/api/projects/{id}/customer-portal-menu", UUID.randomUUID()).header("Authorization", client))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/projects/{id}/customer-portal-link", UUID.randomUUID())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/projects/{id}/customer-portal-menu", "not-a-uuid").header("Authorization", staff(workspace)))
			.andExpect(status().isBadRequest());
	}

	private org.springframework.test.web.servlet.ResultActions menu(UUID workspace, UUID project) throws Exception {
		return this.mvc.perform(get("/api/projects/{id}/customer-portal-menu", project).header("Authorization", staff(workspace)))
			.andExpect(status().isOk());
	}
}
