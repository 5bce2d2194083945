package com.coastline.identity.portal;

import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.web.problem.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.coastline.identity.IdentityTokens.read;
import static com.coastline.identity.portal.Portal.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Contacts of project-service become portal identities; a new email or an archive ends their access. */
@IdentityServiceTest
class PortalIdentityProjectionTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkspaceRegistry workspaces;

	@Autowired
	PortalIdentities identities;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	Portal portal;

	@BeforeEach
	void setUp() {
		portal = new Portal(mvc, tokens, jdbc, bootstrapServers, workspaces);
	}

	@Test
	void contactUpsertedBecomesAPortalIdentityWithANormalisedEmail() {
		UUID workspace = portal.workspace();
		UUID contact = UUID.randomUUID();

		portal.upsert(workspace, contact, "  Dana.Reyes@Example.COM ", 3);

		PortalIdentity identity = identities.find(workspace, contact).orElseThrow();
		assertThat(identity.email()).isEqualTo("dana.reyes@example.com");
		assertThat(identity.firstName()).isEqualTo("Dana");
		assertThat(identity.version()).isEqualTo(3);
		assertThat(identity.archived()).isFalse();
		assertThat(identities.find(UUID.randomUUID(), contact)).as("another workspace").isEmpty();
	}

	@Test
	void staleOrEqualContactUpsertedIsIgnored() {
		UUID workspace = portal.workspace();
		UUID contact = UUID.randomUUID();
		portal.upsert(workspace, contact, "new@example.com", 5);

		portal.upsert(workspace, contact, "old@example.com", 4);
		portal.upsert(workspace, contact, "same-version@example.com", 5);

		PortalIdentity identity = identities.find(workspace, contact).orElseThrow();
		assertThat(identity.email()).isEqualTo("new@example.com");
		assertThat(identity.version()).isEqualTo(5);
	}

	@Test
	void emailChangeRevokesTheContactsLinksAndEndsItsSessions() {
		UUID workspace = portal.workspace();
		UUID contact = UUID.randomUUID();
		portal.upsert(workspace, contact, "dana@example.com", 1);
		JsonNode link = portal.link(workspace, contact);
		String session = portal.session(link.get("token").asString());

		portal.upsert(workspace, contact, "dana@another.example", 2);

		JsonNode links = read(portal.get(portal.staff(workspace), "/api/contacts/{c}/links", contact));
		assertThat(links.get(0).get("revokedReason").asString()).isEqualTo("email-changed");
		assertThat(links.get(0).get("active").asBoolean()).isFalse();
		assertThat(read(portal.get(portal.staff(workspace), "/api/contacts/{c}/sessions", contact)).size()).isZero();
		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
		assertProblem(portal.redeem(link.get("token").asString()), ProblemType.UNAUTHORIZED);
	}

	@Test
	void nameChangeKeepsLinksAndSessions() {
		UUID workspace = portal.workspace();
		UUID contact = UUID.randomUUID();
		portal.upsert(workspace, contact, "dana@example.com", 1);
		JsonNode link = portal.link(workspace, contact);
		String session = portal.session(link.get("token").asString());

		portal.upsert(workspace, contact, " DANA@example.com", 2);

		assertThat(portal.exchange(session)).hasStatusOk();
		assertThat(portal.redeem(link.get("token").asString())).hasStatus(201);
	}

	@Test
	void archiveRevokesLinksEndsSessionsAndRefusesNewLinks() {
		UUID workspace = portal.workspace();
		UUID contact = portal.contact(workspace);
		JsonNode link = portal.link(workspace, contact);
		String session = portal.session(link.get("token").asString());

		portal.archive(workspace, contact, 2);

		assertThat(identities.find(workspace, contact).orElseThrow().archived()).isTrue();
		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
		assertProblem(portal.redeem(link.get("token").asString()), ProblemType.UNAUTHORIZED);
		assertProblem(portal.issue(portal.staff(workspace), contact, "{}", null), ProblemType.CONFLICT);
		JsonNode links = read(portal.get(portal.staff(workspace), "/api/contacts/{c}/links", contact));
		assertThat(links.get(0).get("revokedReason").asString()).isEqualTo("contact-archived");
	}

	@Test
	void staleArchiveIsIgnored() {
		UUID workspace = portal.workspace();
		UUID contact = UUID.randomUUID();
		portal.upsert(workspace, contact, "dana@example.com", 4);

		portal.archive(workspace, contact, 3);

		assertThat(identities.find(workspace, contact).orElseThrow().archived()).isFalse();
	}
}
