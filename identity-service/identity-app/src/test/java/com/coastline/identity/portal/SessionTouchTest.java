package com.coastline.identity.portal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.web.problem.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.coastline.identity.portal.Portal.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token swap writes the session's last use at most once a minute (most swaps only read), and that
 * never lets a session outlive its rules: idle expiry comes at most a minute early, never late, and a
 * sign-out or revocation applies to the very next swap.
 */
@IdentityServiceTest
class SessionTouchTest {

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

	Instant lastSeen() {
		return jdbc.queryForObject("select last_seen_at from portal_session where contact_id = ?", Timestamp.class,
				contact).toInstant();
	}

	@Test
	void swapsWithinAMinuteOfTheLastWriteOnlyRead() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		Instant opened = lastSeen();

		clock.advance(Duration.ofSeconds(30));
		assertThat(portal.exchange(session)).hasStatusOk();
		clock.advance(Duration.ofSeconds(29));
		assertThat(portal.exchange(session)).hasStatusOk();
		assertThat(lastSeen()).isEqualTo(opened);

		clock.advance(Duration.ofSeconds(2)); // 61 s after the last write
		assertThat(portal.exchange(session)).hasStatusOk();
		assertThat(lastSeen()).isAfterOrEqualTo(opened.plusSeconds(61));
	}

	@Test
	void anIdleSessionEndsAtMostAMinuteEarlyAndNeverLate() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		clock.advance(Duration.ofSeconds(59));
		assertThat(portal.exchange(session)).as("not written: the last write stays at sign-in").hasStatusOk();

		clock.advance(Duration.ofMinutes(30).minusSeconds(58)); // 30 min 1 s after the last write, 29 min 2 s after the last use

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
	}

	@Test
	void aSessionUsedJustBeforeItsIdleTimeoutIsExtended() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		clock.advance(Duration.ofMinutes(29));
		assertThat(portal.exchange(session)).hasStatusOk();

		clock.advance(Duration.ofMinutes(29));

		assertThat(portal.exchange(session)).hasStatusOk();
		clock.advance(Duration.ofMinutes(30).plusSeconds(1));
		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
	}

	@Test
	void signOutAppliesToTheVeryNextSwapBetweenWrites() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		assertThat(portal.exchange(session)).hasStatusOk();

		assertThat(portal.gatewayCall("/internal/sessions/sign-out", Map.of("sessionId", session))).hasStatus(204);

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
	}

	@Test
	void revokingTheLinkAppliesToTheVeryNextSwapBetweenWrites() {
		var link = portal.link(workspace, contact);
		String session = portal.session(link.get("token").asString());
		assertThat(portal.exchange(session)).hasStatusOk();

		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/links/{l}", contact,
				link.get("id").asString())).hasStatus(204);

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
	}

	@Test
	void theBackOfficeEndingAllSessionsAppliesToTheVeryNextSwap() {
		String session = portal.session(portal.link(workspace, contact).get("token").asString());
		assertThat(portal.exchange(session)).hasStatusOk();

		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/sessions", contact)).hasStatus(204);

		assertProblem(portal.exchange(session), ProblemType.UNAUTHORIZED);
	}

	@Test
	void aRedemptionStoresTheSessionAndAuditsTheUseAndTheSessionInOrder() {
		var link = portal.link(workspace, contact);

		assertThat(portal.redeem(link.get("token").asString(), "198.51.100.7", "x".repeat(600))).hasStatus(201);

		var session = jdbc.queryForMap("select id, link_id, method, ip, user_agent, last_seen_at, created_at,"
				+ " absolute_expires_at from portal_session where contact_id = ?", contact);
		assertThat(session.get("link_id").toString()).isEqualTo(link.get("id").asString());
		assertThat(session.get("method")).isEqualTo("link");
		assertThat(session.get("ip")).isEqualTo("198.51.100.7");
		assertThat(Duration.between(((Timestamp) session.get("created_at")).toInstant(),
				((Timestamp) session.get("absolute_expires_at")).toInstant())).isEqualTo(Duration.ofHours(12));
		var audit = jdbc.queryForList("select kind, subject_id, actor, ip, length(user_agent) as ua, outcome"
				+ " from audit_event where contact_id = ? and kind in ('link-used', 'session-created') order by id", contact);
		assertThat(audit).extracting(row -> row.get("kind")).containsExactly("link-used", "session-created");
		assertThat(audit.get(0).get("subject_id").toString()).isEqualTo(link.get("id").asString());
		assertThat(audit.get(1).get("subject_id")).isEqualTo(session.get("id"));
		assertThat(audit).allSatisfy(row -> {
			assertThat(row.get("actor")).isEqualTo("client");
			assertThat(row.get("ip")).isEqualTo("198.51.100.7");
			assertThat(row.get("ua")).isEqualTo(512);
			assertThat(row.get("outcome")).isEqualTo("succeeded");
		});
		assertThat(jdbc.queryForObject("select last_used_at is not null from portal_link where id = ?::uuid",
				Boolean.class, link.get("id").asString())).isTrue();
	}
}
