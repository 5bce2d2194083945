package com.coastline.identity.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.key.KeyRing;
import com.coastline.identity.token.TokenIssuerProperties;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.platform.web.problem.ProblemType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.bearer;
import static com.coastline.identity.IdentityTokens.part;
import static com.coastline.identity.IdentityTokens.read;
import static com.coastline.identity.portal.Portal.JSON;
import static com.coastline.identity.portal.Portal.assertProblem;
import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/** The portal gateway's calls: redeem a link for a session, swap it for a token, sign out. */
@IdentityServiceTest
class RedeemAndSessionTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkspaceRegistry workspaces;

	@Autowired
	MovableSignInClock clock;

	@Autowired
	JwtDecoder resourceServerDecoder;

	@Autowired
	KeyRing keyRing;

	@Autowired
	TokenIssuerProperties issuer;

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

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void redeemingALinkCreatesASessionAndAuditsTheClientsIpAndUserAgent() {
		UUID project = UUID.randomUUID();
		String token = read(portal.issue(portal.staff(workspace), contact, "{\"projectId\":\"" + project + "\"}", null))
			.get("token")
			.asString();

		MvcTestResult result = portal.redeem(token, "198.51.100.23", "Mozilla/5.0 (Macintosh) Safari/605.1.15");

		assertThat(result).hasStatus(201);
		assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		JsonNode session = read(result);
		assertThat(session.get("sessionId").asString()).matches("[A-Za-z0-9_-]{43}");
		assertThat(session.get("contactId").asString()).isEqualTo(contact.toString());
		assertThat(session.get("workspaceId").asString()).isEqualTo(workspace.toString());
		assertThat(session.get("projectId").asString()).isEqualTo(project.toString());
		assertThat(Instant.parse(session.get("expiresAt").asString())).isAfter(Instant.now().plus(Duration.ofMinutes(29)))
			.isBefore(Instant.now().plus(Duration.ofMinutes(31)));
		List<Map<String, Object>> audit = jdbc.queryForList("select kind, ip, user_agent, outcome from audit_event"
				+ " where contact_id = ? and kind in ('link-used', 'session-created') order by id", contact);
		assertThat(audit).extracting(row -> row.get("kind")).containsExactly("link-used", "session-created");
		assertThat(audit).allSatisfy(row -> {
			assertThat(row.get("ip")).isEqualTo("198.51.100.23");
			assertThat(row.get("user_agent")).isEqualTo("Mozilla/5.0 (Macintosh) Safari/605.1.15");
			assertThat(row.get("outcome")).isEqualTo("succeeded");
		});
		JsonNode sessions = read(portal.get(portal.staff(workspace), "/api/contacts/{c}/sessions", contact));
		assertThat(sessions.size()).isEqualTo(1);
		assertThat(sessions.get(0).get("ip").asString()).isEqualTo("198.51.100.23");
		assertThat(sessions.get(0).has("sessionId")).isFalse();
	}

	@Test
	void clientSignedInIsAnnouncedWithoutTokenOrSessionId() {
		JsonNode link = portal.link(workspace, contact);
		String session = portal.session(link.get("token").asString());

		ConsumerRecord<String, String> record = portal.topics.await(IdentityTopics.EVENTS,
				r -> IdentityTopics.CLIENT_SIGNED_IN.equals(header(r, "ce_type"))
						&& contact.toString().equals(JSON.readTree(r.value()).get("contactId").asString()));

		assertThat(record.key()).isEqualTo(workspace.toString());
		assertThat(record.value()).doesNotContain(link.get("token").asString()).doesNotContain(session);
		JsonNode event = JSON.readTree(record.value());
		ContractSchemas.assertConforms(event, "schemas/" + IdentityTopics.CLIENT_SIGNED_IN + ".json");
		assertThat(event.get("linkId").asString()).isEqualTo(link.get("id").asString());
		assertThat(event.get("method").asString()).isEqualTo("link");
	}

	@Test
	void aLinkIsReusableAndEveryUseOpensANewSession() {
		String token = portal.link(workspace, contact).get("token").asString();

		String first = portal.session(token);
		String second = portal.session(token);

		assertThat(first).isNotEqualTo(second);
		assertThat(portal.exchange(first)).hasStatusOk();
		assertThat(portal.exchange(second)).hasStatusOk();
	}

	@Test
	void tamperedEmptyHugeUnknownRevokedAndExpiredTokensAnswerIdentically() {
		String valid = portal.link(workspace, contact).get("token").asString();
		JsonNode revokedLink = portal.link(workspace, contact);
		portal.delete(portal.staff(workspace), "/api/contacts/{c}/links/{l}", contact, revokedLink.get("id").asString());
		String expiring = portal.link(workspace, contact).get("token").asString();
		char last = valid.charAt(valid.length() - 1);
		String tampered = valid.substring(0, valid.length() - 1) + (last == 'A' ? 'B' : 'A');

		List<MvcTestResult> answers = new ArrayList<>();
		for (String token : new String[] { tampered, "", null, "x".repeat(100_000), Secrets.generate(),
				revokedLink.get("token").asString() }) {
			answers.add(portal.redeem(token));
		}
		clock.advance(Duration.ofDays(30).plusSeconds(1));
		answers.add(portal.redeem(expiring));

		for (MvcTestResult answer : answers) {
			assertProblem(answer, ProblemType.UNAUTHORIZED);
			assertThat(read(answer)).isEqualTo(read(answers.get(0)));
		}
		clock.reset();
		assertThat(portal.redeem(valid)).as("the untampered token").hasStatus(201);
	}

	@Test
	void aLinkStillWorksJustBeforeItsThirtyDaysEnd() {
		String token = portal.link(workspace, contact).get("token").asString();

		clock.advance(Duration.ofDays(30).minusMinutes(1));

		assertThat(portal.redeem(token)).hasStatus(201);
	}

	@Test
	void fiftyParallelRedemptionsCreateFiftySessions() throws Exception {
		String token = portal.link(workspace, contact).get("token").asString();
		String gateway = portal.gateway();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Integer>> redemptions = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				redemptions.add(() -> portal
					.gatewayCall(gateway, "/internal/links/redeem", Map.of("token", token, "ip", "203.0.113.9"))
					.getResponse()
					.getStatus());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(redemptions)) {
				statuses.add(status.get());
			}
			assertThat(statuses).hasSize(50).containsOnly(201);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("select count(distinct secret_hash) from portal_session where contact_id = ?",
				Integer.class, contact)).isEqualTo(50);
	}

	@Test
	void tokenExchangeGivesAShortLivedClientJwtThatPlatformValidationAccepts() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		UUID sessionRow = jdbc.queryForObject("select id from portal_session where contact_id = ?", UUID.class, contact);

		MvcTestResult result = portal.exchange(session);

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		JsonNode body = read(result);
		assertThat(body.get("expiresIn").asLong()).isBetween(1L, 60L);
		String accessToken = body.get("accessToken").asString();
		JsonNode header = part(accessToken, 0);
		assertThat(header.get("alg").asString()).isEqualTo("ES256");
		assertThat(header.get("kid").asString()).isEqualTo(keyRing.current().keyId());
		Jwt jwt = resourceServerDecoder.decode(accessToken); // issuer, audience, expiry, TenantClaimsValidator
		assertThat(jwt.getSubject()).isEqualTo(contact.toString());
		assertThat(jwt.getClaimAsString("kind")).isEqualTo("client");
		assertThat(jwt.getClaimAsString("wid")).isEqualTo(workspace.toString());
		assertThat(jwt.getClaimAsString("cid")).isEqualTo(contact.toString());
		assertThat(jwt.getClaimAsStringList("amr")).containsExactly("link");
		assertThat(jwt.getClaimAsString("sid")).isEqualTo(sessionRow.toString());
		assertThat(jwt.getAudience()).containsExactly("coastline");
		assertThat(jwt.getIssuer().toString()).isEqualTo(issuer.issuer());
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isLessThanOrEqualTo(Duration.ofSeconds(60));
		assertThat(accessToken).doesNotContain(session);
		// a client token: the back office refuses it
		assertProblem(portal.get(accessToken, "/api/contacts/{c}/links", contact), ProblemType.FORBIDDEN);
	}

	@Test
	void anIdleSessionEndsAfterThirtyMinutesAndEachExchangeExtendsIt() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());

		clock.advance(Duration.ofMinutes(25));
		assertThat(portal.exchange(session)).hasStatusOk();
		clock.advance(Duration.ofMinutes(25));
		assertThat(portal.exchange(session)).as("25 minutes after the last use").hasStatusOk();
		clock.advance(Duration.ofMinutes(31));

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
		assertThat(read(portal.get(portal.staff(workspace), "/api/contacts/{c}/sessions", contact)).size()).isZero();
	}

	@Test
	void aSessionEndsAfterTwelveHoursHoweverActive() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());

		for (int i = 0; i < 24; i++) {
			clock.advance(Duration.ofMinutes(29));
			assertThat(portal.exchange(session)).hasStatusOk();
		}
		clock.advance(Duration.ofMinutes(29)); // 12 h 25 min after sign-in, 29 min after the last use

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
	}

	@Test
	void signOutEndsTheSession() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());

		assertThat(portal.gatewayCall("/internal/sessions/sign-out", Map.of("sessionId", session))).hasStatus(204);

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
		assertThat(portal.gatewayCall("/internal/sessions/sign-out", Map.of("sessionId", session)))
			.as("again, or any other id")
			.hasStatus(204);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where contact_id = ? and kind = 'session-ended'"
				+ " and outcome = 'signed-out'", Integer.class, contact)).isEqualTo(1);
	}

	@Test
	void theBackOfficeEndsAllSessionsOfAContact() {
		String token = portal.link(workspace, contact).get("token").asString();
		String first = portal.session(token);
		String second = portal.session(token);

		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/sessions", contact)).hasStatus(204);

		assertProblem(portal.exchange(first), ProblemType.UNAUTHORIZED);
		assertProblem(portal.exchange(second), ProblemType.UNAUTHORIZED);
		assertThat(portal.redeem(token)).as("the link itself still works").hasStatus(201);
	}

	@Test
	void theBackOfficeEndsOneSessionByTheIdOfTheSessionList() {
		String token = portal.link(workspace, contact).get("token").asString();
		String first = read(portal.redeem(token, "198.51.100.1", "Firefox")).get("sessionId").asString();
		String second = read(portal.redeem(token, "198.51.100.2", "Safari")).get("sessionId").asString();
		String firstId = sessionIdWithIp(workspace, contact, "198.51.100.1");

		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/sessions/{s}", contact, firstId))
			.hasStatus(204);

		assertProblem(portal.exchange(first), ProblemType.UNAUTHORIZED);
		assertThat(portal.exchange(second)).as("the contact's other session").hasStatusOk();
		JsonNode sessions = read(portal.get(portal.staff(workspace), "/api/contacts/{c}/sessions", contact));
		assertThat(sessions.valueStream().map(session -> session.get("ip").asString())).containsExactly("198.51.100.2");
		List<Map<String, Object>> audit = jdbc.queryForList("select subject_id::text as subject, actor, outcome"
				+ " from audit_event where contact_id = ? and kind = 'session-ended'", contact);
		assertThat(audit).singleElement().satisfies(row -> {
			assertThat(row.get("subject")).isEqualTo(firstId);
			assertThat((String) row.get("actor")).startsWith("staff-");
			assertThat(row.get("outcome")).isEqualTo("ended-by-back-office");
		});
		assertThat(portal.redeem(token)).as("the link itself still works").hasStatus(201);
	}

	@Test
	void endingAnEndedSessionAgainChangesNothing() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		String id = sessionIdWithIp(workspace, contact, "203.0.113.7");
		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/sessions/{s}", contact, id)).hasStatus(204);

		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/sessions/{s}", contact, id)).hasStatus(204);

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where contact_id = ? and kind = 'session-ended'",
				Integer.class, contact)).isEqualTo(1);
	}

	@Test
	void anotherContactsOrAnUnknownSessionIsNotFoundAndNothingEnds() {
		UUID otherContact = portal.contact(workspace);
		String theirSession = portal.session(portal.link(workspace, otherContact).get("token").asString());
		String theirId = sessionIdWithIp(workspace, otherContact, "203.0.113.7");
		String staff = portal.staff(workspace);

		assertProblem(portal.delete(staff, "/api/contacts/{c}/sessions/{s}", contact, theirId), ProblemType.NOT_FOUND);
		assertProblem(portal.delete(staff, "/api/contacts/{c}/sessions/{s}", contact, UUID.randomUUID()),
				ProblemType.NOT_FOUND);
		assertProblem(portal.delete(staff, "/api/contacts/{c}/sessions/{s}", contact, "not-a-uuid"),
				ProblemType.BAD_REQUEST);

		assertThat(portal.exchange(theirSession)).hasStatusOk();
		assertThat(jdbc.queryForObject("select count(*) from audit_event where contact_id = ? and kind = 'session-ended'",
				Integer.class, otherContact)).isZero();
	}

	@Test
	void anotherWorkspacesStaffCannotEndASessionAndNoTokenIsUnauthorized() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		String id = sessionIdWithIp(workspace, contact, "203.0.113.7");

		assertProblem(portal.delete(portal.staff(portal.workspace()), "/api/contacts/{c}/sessions/{s}", contact, id),
				ProblemType.NOT_FOUND);
		assertProblem(mvc.delete().uri("/api/contacts/{c}/sessions/{s}", contact, id).exchange(),
				ProblemType.UNAUTHORIZED);

		assertThat(portal.exchange(session)).hasStatusOk();
	}

	@Test
	void unknownSessionsAnswerTheSameProblem() {
		assertProblem(portal.exchange(Secrets.generate()), ProblemType.UNAUTHORIZED);
		assertProblem(portal.exchange(""), ProblemType.UNAUTHORIZED);
	}

	@Test
	void onlyTheGatewayMayCallTheSignInOperations() {
		String token = portal.link(workspace, contact).get("token").asString();
		Map<String, String> body = Map.of("token", token);

		for (String caller : List.of(portal.staff(workspace), tokens.automation(), tokens.adminOf(workspace),
				tokens.portalClient(workspace, contact))) {
			assertProblem(portal.gatewayCall(caller, "/internal/links/redeem", body), ProblemType.FORBIDDEN);
		}
		assertProblem(mvc.post().uri("/internal/links/redeem").contentType("application/json")
			.content(JSON.writeValueAsString(body)).exchange(), ProblemType.UNAUTHORIZED);
		assertThat(jdbc.queryForObject("select count(*) from portal_session where contact_id = ?", Integer.class,
				contact)).isZero();
	}

	/** The public id (as the back office's session list shows it) of the contact's live session from this IP. */
	private String sessionIdWithIp(UUID workspaceId, UUID contactId, String ip) {
		JsonNode sessions = read(portal.get(portal.staff(workspaceId), "/api/contacts/{c}/sessions", contactId));
		return sessions.valueStream()
			.filter(session -> ip.equals(session.get("ip").asString()))
			.map(session -> session.get("id").asString())
			.findFirst()
			.orElseThrow();
	}
}
