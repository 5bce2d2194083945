package com.coastline.identity.portal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.signin.CodeMailbox;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.notification.api.SecretSealer;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.portal.api.PortalTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.read;
import static com.coastline.identity.portal.Portal.JSON;
import static com.coastline.identity.portal.Portal.assertProblem;
import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * portal-service's {@code PortalDeactivated} / {@code PortalActivated} on {@code portal.events}: turning a
 * workspace's portal off revokes its links and ends its clients' sessions, and holds back sign-in until it
 * is turned on again; stale and duplicate events change nothing.
 */
@IdentityServiceTest
class PortalStateEventsTest {

	private static final String DEAD_PORTAL_EVENTS = "error.portal.events.identity-service";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkspaceRegistry workspaces;

	@Autowired
	SecretSealer sealer;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	Portal portal;

	CodeMailbox mailbox;

	@BeforeEach
	void setUp() {
		portal = new Portal(mvc, tokens, jdbc, bootstrapServers, workspaces);
		mailbox = new CodeMailbox(jdbc, bootstrapServers, sealer);
	}

	@Test
	void deactivationRevokesTheWorkspacesLinksAndEndsItsSessionsOnly() {
		UUID workspace = portal.workspace();
		portal.activatePortal(workspace, 1);
		UUID dana = portal.contact(workspace);
		UUID lee = UUID.randomUUID();
		String leesEmail = email(lee);
		portal.upsert(workspace, lee, leesEmail, 1);
		JsonNode danasLink = portal.link(workspace, dana);
		String danasSession = portal.session(danasLink.get("token").asString());
		String leesCodeSession = signInWithCode(workspace, leesEmail);
		UUID other = portal.workspace();
		UUID othersContact = portal.contact(other);
		JsonNode othersLink = portal.link(other, othersContact);
		String othersSession = portal.session(othersLink.get("token").asString());

		portal.deactivatePortal(workspace, 2);

		assertProblem(portal.redeem(danasLink.get("token").asString()), ProblemType.UNAUTHORIZED);
		assertProblem(portal.exchange(danasSession), ProblemType.UNAUTHORIZED);
		assertProblem(portal.exchange(leesCodeSession), ProblemType.UNAUTHORIZED);
		JsonNode links = read(portal.get(portal.staff(workspace), "/api/contacts/{c}/links", dana));
		assertThat(links.get(0).get("revokedReason").asString()).isEqualTo("portal-deactivated");
		assertThat(links.get(0).get("active").asBoolean()).isFalse();
		assertThat(jdbc.queryForList("select kind || ':' || actor || ':' || outcome from audit_event"
				+ " where workspace_id = ? and kind in ('link-revoked', 'session-ended') order by id", String.class,
				workspace))
			.containsExactly("link-revoked:system:portal-deactivated", "session-ended:system:portal-deactivated",
					"session-ended:system:portal-deactivated");
		String linkId = danasLink.get("id").asString();
		ConsumerRecord<String, String> record = portal.topics.await(IdentityTopics.EVENTS,
				r -> IdentityTopics.LINK_REVOKED.equals(header(r, "ce_type"))
						&& linkId.equals(JSON.readTree(r.value()).get("linkId").asString()));
		assertThat(record.key()).isEqualTo(workspace.toString());
		JsonNode event = JSON.readTree(record.value());
		ContractSchemas.assertConforms(event, "schemas/" + IdentityTopics.LINK_REVOKED + ".json");
		assertThat(event.get("reason").asString()).isEqualTo("portal-deactivated");
		// Another workspace keeps its access.
		assertThat(portal.exchange(othersSession)).hasStatusOk();
		assertThat(portal.redeem(othersLink.get("token").asString())).hasStatus(201);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where workspace_id = ?"
				+ " and outcome = 'portal-deactivated'", Integer.class, other)).isZero();
	}

	@Test
	void whileDeactivatedNoLinkIsIssuedOrRedeemedAndNoCodeSignsInUntilReactivated() {
		UUID workspace = portal.workspace();
		UUID contact = UUID.randomUUID();
		String email = email(contact);
		portal.upsert(workspace, contact, email, 1);
		String ip = randomIp();
		String attemptBefore = requestCode(workspace, email, ip);
		String codeBefore = mailbox.latestCode(email);

		portal.deactivatePortal(workspace, 3);

		MvcTestResult refused = portal.issue(portal.staff(workspace), contact, "{}", null);
		assertProblem(refused, ProblemType.CONFLICT);
		assertThat(read(refused).get("reason").asString()).isEqualTo("The Customer Portal is not active");
		// A code asked for before: refused now. A new one: the same answer as for an unknown email, no email.
		assertThat(verify(attemptBefore, codeBefore, ip)).hasStatus(401);
		requestCode(workspace, email, randomIp());
		assertThat(mailbox.to(email)).hasSize(1);
		// A link minted while the portal was still active is revoked; a link row that escaped revocation
		// (written here directly) is still refused while the portal is off.
		String escaped = insertLiveLink(workspace, contact);
		assertProblem(portal.redeem(escaped), ProblemType.UNAUTHORIZED);

		portal.activatePortal(workspace, 4);

		assertThat(portal.redeem(escaped)).hasStatus(201);
		JsonNode link = portal.link(workspace, contact);
		assertThat(portal.exchange(portal.session(link.get("token").asString()))).hasStatusOk();
		String attempt = requestCode(workspace, email, randomIp());
		assertThat(mailbox.to(email)).hasSize(2);
		assertThat(verify(attempt, mailbox.latestCode(email), ip)).hasStatus(201);
	}

	@Test
	void linksAreBuiltOnThePortalsAnnouncedAddressNewestVersionFirst() {
		UUID workspace = portal.workspace();
		UUID dana = portal.contact(workspace);
		String provisional = portal.link(workspace, dana).get("url").asString();
		assertThat(provisional).contains("/p/").doesNotContain("/p/summit-roofing/");

		portal.portalAddress(workspace, "summit-roofing", 3);
		portal.portalAddress(workspace, "an-older-address", 2);

		String url = portal.link(workspace, dana).get("url").asString();
		assertThat(url).startsWith("http://localhost:8080/p/summit-roofing/l/");
	}

	@Test
	void staleAndDuplicateEventsChangeNothing() {
		UUID workspace = portal.workspace();
		UUID contact = portal.contact(workspace);
		UUID deactivation = portal.deactivatePortal(workspace, 5);
		portal.activatePortal(workspace, 6);
		JsonNode link = portal.link(workspace, contact);
		String session = portal.session(link.get("token").asString());

		// Older, equal (another event of the same version), and the same event again (redelivered).
		portal.deactivatePortal(workspace, 4);
		portal.deactivatePortal(workspace, 6);
		portal.sendPortalEvent(PortalTopics.PORTAL_DEACTIVATED, workspace, deactivation,
				"{\"eventId\":\"" + deactivation + "\",\"workspaceId\":\"" + workspace + "\",\"slug\":\"summit-roofing\","
						+ "\"deactivatedBy\":\"staff-1\",\"deactivatedAt\":\"2026-11-28T10:00:00Z\",\"version\":7}");
		// Ordered after the redelivery on the workspace's partition: once it is handled, so was the redelivery.
		portal.activatePortal(workspace, 2);

		assertThat(portal.exchange(session)).hasStatusOk();
		assertThat(portal.redeem(link.get("token").asString())).hasStatus(201);
		assertThat(jdbc.queryForObject("select version from portal_state where workspace_id = ?", Long.class, workspace))
			.isEqualTo(6);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where workspace_id = ?"
				+ " and outcome = 'portal-deactivated'", Integer.class, workspace)).isZero();
	}

	@Test
	void poisonPortalEventsGoToTheDeadLetterTopicAndLaterEventsStillArrive() {
		UUID withoutWorkspace = UUID.randomUUID();
		UUID unreadable = UUID.randomUUID();
		portal.sendPortalEvent(PortalTopics.PORTAL_DEACTIVATED, UUID.randomUUID(), withoutWorkspace,
				"{\"eventId\":\"" + withoutWorkspace + "\",\"slug\":\"summit-roofing\",\"version\":9}");
		portal.sendPortalEvent(PortalTopics.PORTAL_ACTIVATED, UUID.randomUUID(), unreadable, "{this is not json");

		portal.topics.await(DEAD_PORTAL_EVENTS,
				record -> withoutWorkspace.toString().equals(TopicRecords.header(record, "ce_id")));
		ConsumerRecord<String, String> dead = portal.topics.await(DEAD_PORTAL_EVENTS,
				record -> unreadable.toString().equals(TopicRecords.header(record, "ce_id")));
		assertThat(dead.value()).isEqualTo("{this is not json");
		assertThat(jdbc.queryForObject("select count(*) from processed_message where consumer_group = 'identity-service'"
				+ " and message_id in (?, ?)", Integer.class, withoutWorkspace.toString(), unreadable.toString()))
			.isZero();
		UUID workspace = portal.workspace();
		UUID contact = portal.contact(workspace);
		JsonNode link = portal.link(workspace, contact);
		portal.deactivatePortal(workspace, 1);
		assertProblem(portal.redeem(link.get("token").asString()), ProblemType.UNAUTHORIZED);
	}

	/** A live link stored as {@link PortalLinks#issue} stores it, bypassing its checks; its token. */
	private String insertLiveLink(UUID workspace, UUID contact) {
		String token = Secrets.generate();
		jdbc.update("""
				insert into portal_link (id, workspace_id, contact_id, token_hash, issued_by, issued_at, expires_at)
				values (?, ?, ?, ?, 'test', now(), now() + interval '1 day')""", UUID.randomUUID(), workspace, contact,
				Secrets.hash(token));
		return token;
	}

	private String signInWithCode(UUID workspace, String email) {
		String ip = randomIp();
		String attempt = requestCode(workspace, email, ip);
		MvcTestResult verified = verify(attempt, mailbox.latestCode(email), ip);
		assertThat(verified).hasStatus(201);
		return read(verified).get("sessionId").asString();
	}

	private String requestCode(UUID workspace, String email, String ip) {
		Map<String, Object> body = new HashMap<>();
		body.put("workspaceId", workspace.toString());
		body.put("email", email);
		body.put("ip", ip);
		body.put("userAgent", "Mozilla/5.0 (iPhone)");
		MvcTestResult result = portal.gatewayCall("/internal/codes", body);
		assertThat(result).hasStatus(202);
		return read(result).get("attempt").asString();
	}

	private MvcTestResult verify(String attempt, String code, String ip) {
		return portal.gatewayCall("/internal/codes/verify",
				Map.of("attempt", attempt, "code", code, "ip", ip, "userAgent", "Mozilla/5.0 (iPhone)"));
	}

	private static String email(UUID contact) {
		return "lee.park+" + contact.toString().substring(0, 8) + "@example.com";
	}

	/** Addresses of its own for every sign-in, so that per-IP limits of other tests do not interfere. */
	private static String randomIp() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}
}
