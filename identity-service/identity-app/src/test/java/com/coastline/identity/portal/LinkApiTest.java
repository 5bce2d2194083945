package com.coastline.identity.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.LinkRequests;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.platform.web.problem.ProblemType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.read;
import static com.coastline.identity.portal.Portal.JSON;
import static com.coastline.identity.portal.Portal.assertProblem;
import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The back office's API for one-tap links: issue, list, revoke; automation with an idempotency key. */
@IdentityServiceTest
class LinkApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkspaceRegistry workspaces;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	Portal portal;

	UUID workspace;

	UUID contact;

	@BeforeEach
	void setUp() {
		portal = new Portal(mvc, tokens, jdbc, bootstrapServers, workspaces);
		workspace = portal.workspace();
		contact = portal.contact(workspace);
	}

	@Test
	void staffIssuesALinkShownOnceWithAUrlOfTheWorkspacesPortal() {
		UUID project = UUID.randomUUID();

		MvcTestResult result = portal.issue(portal.staff(workspace), contact,
				"{\"projectId\": \"" + project + "\"}", null);

		assertThat(result).hasStatus(201);
		assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		JsonNode link = read(result);
		String token = link.get("token").asString();
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(link.get("url").asString()).isEqualTo("http://localhost:8080/p/summit-roofing-"
				+ workspace.toString().substring(0, 8) + "/l/" + token + "?project=" + project);
		assertThat(Instant.parse(link.get("expiresAt").asString()))
			.isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
		assertThat(link.get("projectId").asString()).isEqualTo(project.toString());
	}

	@Test
	void linkIssuedIsAnnouncedWithoutTheToken() {
		JsonNode link = portal.link(workspace, contact);
		String linkId = link.get("id").asString();

		ConsumerRecord<String, String> record = portal.topics.await(IdentityTopics.EVENTS,
				r -> IdentityTopics.LINK_ISSUED.equals(header(r, "ce_type"))
						&& linkId.equals(JSON.readTree(r.value()).get("linkId").asString()));

		assertThat(record.key()).isEqualTo(workspace.toString());
		assertThat(record.value()).doesNotContain(link.get("token").asString());
		JsonNode event = JSON.readTree(record.value());
		ContractSchemas.assertConforms(event, "schemas/" + IdentityTopics.LINK_ISSUED + ".json");
		assertThat(event.get("contactId").asString()).isEqualTo(contact.toString());
	}

	@Test
	void listShowsIssuerUseAndRevocationButNeverTheToken() throws Exception {
		JsonNode first = portal.link(workspace, contact);
		JsonNode second = portal.link(workspace, contact);
		portal.session(first.get("token").asString());

		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/links/{l}", contact,
				second.get("id").asString())).hasStatus(204);

		MvcTestResult result = portal.get(portal.staff(workspace), "/api/contacts/{c}/links", contact);
		assertThat(result).hasStatusOk();
		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain(first.get("token").asString()).doesNotContain(second.get("token").asString());
		JsonNode links = read(result);
		assertThat(links.size()).isEqualTo(2);
		JsonNode revoked = links.get(0);
		assertThat(revoked.get("id").asString()).isEqualTo(second.get("id").asString());
		assertThat(revoked.get("revokedReason").asString()).isEqualTo("revoked");
		assertThat(revoked.get("active").asBoolean()).isFalse();
		JsonNode used = links.get(1);
		assertThat(used.get("issuedBy").asString()).startsWith("staff-");
		assertThat(used.get("lastUsedAt").isNull()).isFalse();
		assertThat(used.get("active").asBoolean()).isTrue();
		assertThat(used.has("token")).isFalse();
		assertProblem(portal.redeem(second.get("token").asString()), ProblemType.UNAUTHORIZED);
		assertThat(portal.redeem(first.get("token").asString())).hasStatus(201);
	}

	@Test
	void revokingAllLinksEndsTheirSessions() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		String other = portal.link(workspace, contact).get("token").asString();

		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/links", contact)).hasStatus(204);

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
		assertProblem(portal.redeem(other), ProblemType.UNAUTHORIZED);
		assertThat(read(portal.get(portal.staff(workspace), "/api/contacts/{c}/links", contact)).valueStream()
			.map(link -> link.get("revokedReason").asString())).containsOnly("revoked");
	}

	@Test
	void revokingOneLinkEndsItsSessionsOnlyAndIsAnnouncedAndAudited() {
		JsonNode revoked = portal.link(workspace, contact);
		String endedSession = portal.session(revoked.get("token").asString());
		String keptSession = portal.session(portal.link(workspace, contact).get("token").asString());
		String linkId = revoked.get("id").asString();

		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/links/{l}", contact, linkId))
			.hasStatus(204);

		assertProblem(portal.exchange(endedSession), ProblemType.UNAUTHORIZED);
		assertThat(portal.exchange(keptSession)).hasStatusOk();
		ConsumerRecord<String, String> record = portal.topics.await(IdentityTopics.EVENTS,
				r -> IdentityTopics.LINK_REVOKED.equals(header(r, "ce_type"))
						&& linkId.equals(JSON.readTree(r.value()).get("linkId").asString()));
		assertThat(record.key()).isEqualTo(workspace.toString());
		JsonNode event = JSON.readTree(record.value());
		ContractSchemas.assertConforms(event, "schemas/" + IdentityTopics.LINK_REVOKED + ".json");
		assertThat(event.get("reason").asString()).isEqualTo("revoked");
		assertThat(jdbc.queryForList("select kind || ':' || outcome from audit_event where contact_id = ?"
				+ " and kind in ('link-issued', 'link-revoked', 'session-ended') order by id", String.class, contact))
			.containsExactly("link-issued:succeeded", "link-issued:succeeded", "link-revoked:revoked",
					"session-ended:revoked");
		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/links/{l}", contact, linkId))
			.as("revoking again changes nothing")
			.hasStatus(204);
	}

	@Test
	void automationIssuesWithAnIdempotencyKeyAndTheSameKeyRevokesTheEarlierLink() {
		String automation = tokens.automation();

		MvcTestResult first = portal.issue(automation, contact, "{}", "automation-run:1");
		String earlierSession = portal.session(read(first).get("token").asString());
		MvcTestResult again = portal.issue(automation, contact, "{}", "automation-run:1");
		MvcTestResult otherKey = portal.issue(automation, contact, "{}", "automation-run:2");

		assertThat(first).hasStatus(201);
		assertThat(again).hasStatus(201);
		assertThat(otherKey).hasStatus(201);
		assertProblem(portal.redeem(read(first).get("token").asString()), ProblemType.UNAUTHORIZED);
		assertProblem(portal.exchange(earlierSession), ProblemType.UNAUTHORIZED);
		assertThat(portal.redeem(read(again).get("token").asString())).hasStatus(201);
		assertThat(portal.redeem(read(otherKey).get("token").asString())).hasStatus(201);
		JsonNode links = read(portal.get(portal.staff(workspace), "/api/contacts/{c}/links", contact));
		assertThat(links.valueStream().filter(link -> link.get("active").asBoolean())).hasSize(2);
		assertThat(links.valueStream().map(link -> link.get("issuedBy").asString())).containsOnly("automation-service");
	}

	@Test
	void aLateAttemptWithAnOlderFenceIsRefusedAndTheLinkTheNewerAttemptHandedOnStaysValid() {
		String automation = tokens.automation();

		MvcTestResult newer = portal.issue(automation, contact, "{}", "automation-run:1", 7);
		MvcTestResult late = portal.issue(automation, contact, "{}", "automation-run:1", 6);

		assertThat(newer).hasStatus(201);
		assertProblem(late, ProblemType.CONFLICT);
		assertThat(read(late).get("reason").asString()).isEqualTo(LinkRequests.SUPERSEDED);
		assertThat(portal.redeem(read(newer).get("token").asString())).as("the newer attempt's link").hasStatus(201);
		assertThat(jdbc.queryForObject("select count(*) from portal_link where contact_id = ?", Integer.class, contact))
			.as("the late attempt issued nothing")
			.isEqualTo(1);

		MvcTestResult sameAttemptAgain = portal.issue(automation, contact, "{}", "automation-run:1", 7);
		MvcTestResult nextAttempt = portal.issue(automation, contact, "{}", "automation-run:1", 8);
		MvcTestResult olderThanARevokedOne = portal.issue(automation, contact, "{}", "automation-run:1", 7);
		MvcTestResult otherKey = portal.issue(automation, contact, "{}", "automation-run:2", 1);

		assertThat(sameAttemptAgain).as("the same fence again: a retry of that attempt").hasStatus(201);
		assertThat(nextAttempt).hasStatus(201);
		assertProblem(olderThanARevokedOne, ProblemType.CONFLICT);
		assertThat(otherKey).as("fences are per key").hasStatus(201);
		assertProblem(portal.redeem(read(newer).get("token").asString()), ProblemType.UNAUTHORIZED);
		assertProblem(portal.redeem(read(sameAttemptAgain).get("token").asString()), ProblemType.UNAUTHORIZED);
		assertThat(portal.redeem(read(nextAttempt).get("token").asString())).hasStatus(201);
		assertThat(portal.redeem(read(otherKey).get("token").asString())).hasStatus(201);
	}

	@Test
	void theFenceCheckReadsOnlyItsKeysLinksHoweverManyTheContactHas() {
		String automation = tokens.automation();
		assertThat(portal.issue(automation, contact, "{}", "automation-run:0", 1)).hasStatus(201);
		// A client emailed by 5,000 runs (one key each), as in the burst of approvals for one client.
		jdbc.update("""
				insert into portal_link (id, workspace_id, contact_id, token_hash, issued_by, issued_at, expires_at,
				                         idempotency_key, idempotency_fence)
				select gen_random_uuid(), ?, ?, sha256(gen_random_uuid()::text::bytea), 'automation-service', now(),
				       now() + interval '30 days', 'automation-run:' || n, 1
				from generate_series(1, 5000) n""", workspace, contact);
		jdbc.execute("analyze portal_link");

		String plan = String.join("\n", jdbc.queryForList("explain (analyze, costs off) " + PortalLinks.NEWEST_FENCE,
				String.class, workspace, contact, "automation-service", "automation-run:4711"));

		assertThat(plan).contains("portal_link_fence").doesNotContain("Seq Scan").doesNotContain("Rows Removed by Filter");
	}

	@Test
	void aFenceIsANumberFromZeroThatComesWithAnIdempotencyKey() {
		String automation = tokens.automation();

		assertProblem(portal.issue(automation, contact, "{}", "automation-run:1", "seven"), ProblemType.BAD_REQUEST);
		assertProblem(portal.issue(automation, contact, "{}", "automation-run:1", -1), ProblemType.BAD_REQUEST);
		assertProblem(portal.issue(portal.staff(workspace), contact, "{}", null, 3), ProblemType.BAD_REQUEST);
		assertThat(jdbc.queryForObject("select count(*) from portal_link where contact_id = ?", Integer.class, contact))
			.isZero();
	}

	@Test
	void automationWithoutAnIdempotencyKeyIsABadRequest() {
		assertProblem(portal.issue(tokens.automation(), contact, "{}", null), ProblemType.BAD_REQUEST);
	}

	@Test
	void automationMayOnlyIssue() {
		String automation = tokens.automation();

		assertProblem(portal.get(automation, "/api/contacts/{c}/links", contact), ProblemType.FORBIDDEN);
		assertProblem(portal.delete(automation, "/api/contacts/{c}/links", contact), ProblemType.FORBIDDEN);
		assertProblem(portal.get(automation, "/api/contacts/{c}/sessions", contact), ProblemType.FORBIDDEN);
	}

	@Test
	void adminOfTheWorkspaceIssuesLinks() {
		assertThat(portal.issue(tokens.adminOf(workspace), contact, "", null)).hasStatus(201);
	}

	@Test
	void unknownContactIsNotFound() {
		UUID unknown = UUID.randomUUID();

		assertProblem(portal.issue(portal.staff(workspace), unknown, "{}", null), ProblemType.NOT_FOUND);
		assertProblem(portal.issue(tokens.automation(), unknown, "{}", "k"), ProblemType.NOT_FOUND);
		assertProblem(portal.get(portal.staff(workspace), "/api/contacts/{c}/links", unknown), ProblemType.NOT_FOUND);
	}

	@Test
	void anotherWorkspacesContactIsNotFound() {
		UUID otherWorkspace = portal.workspace();
		JsonNode theirLink = portal.link(otherWorkspace, portal.contact(otherWorkspace));
		UUID theirContact = UUID.fromString(jdbc.queryForObject("select contact_id::text from portal_link where id = ?",
				String.class, UUID.fromString(theirLink.get("id").asString())));
		String mine = portal.staff(workspace);

		assertProblem(portal.issue(mine, theirContact, "{}", null), ProblemType.NOT_FOUND);
		assertProblem(portal.get(mine, "/api/contacts/{c}/links", theirContact), ProblemType.NOT_FOUND);
		assertProblem(portal.delete(mine, "/api/contacts/{c}/links", theirContact), ProblemType.NOT_FOUND);
		assertProblem(portal.delete(mine, "/api/contacts/{c}/links/{l}", theirContact, theirLink.get("id").asString()),
				ProblemType.NOT_FOUND);
		assertProblem(portal.delete(mine, "/api/contacts/{c}/links/{l}", contact, theirLink.get("id").asString()),
				ProblemType.NOT_FOUND);
		assertProblem(portal.get(mine, "/api/contacts/{c}/sessions", theirContact), ProblemType.NOT_FOUND);
		assertProblem(portal.delete(mine, "/api/contacts/{c}/sessions", theirContact), ProblemType.NOT_FOUND);
		assertThat(portal.redeem(theirLink.get("token").asString())).as("their link still works").hasStatus(201);
	}

	@Test
	void portalClientsAndTheGatewayMayNotUseTheBackOfficeApi() {
		for (String token : List.of(tokens.portalClient(workspace, contact), portal.gateway())) {
			assertProblem(portal.issue(token, contact, "{}", "k"), ProblemType.FORBIDDEN);
			assertProblem(portal.get(token, "/api/contacts/{c}/links", contact), ProblemType.FORBIDDEN);
		}
	}

	@Test
	void noPlainTokenOrSessionIdIsStored() {
		String token = portal.link(workspace, contact).get("token").asString();
		String session = portal.session(token);

		for (String table : List.of("portal_link", "portal_session", "audit_event")) {
			List<Map<String, Object>> rows = jdbc.queryForList("select t::text as row from " + table + " t");
			assertThat(rows).as(table).isNotEmpty();
			assertThat(rows).extracting(row -> (String) row.get("row")).as(table)
				.noneMatch(row -> row.contains(token) || row.contains(session));
		}
		assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?"
				+ " or serialized_event like ?", Integer.class, "%" + token + "%", "%" + session + "%")).isZero();
	}
}
