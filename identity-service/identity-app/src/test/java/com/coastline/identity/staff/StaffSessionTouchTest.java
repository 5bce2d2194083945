package com.coastline.identity.staff;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.portal.MovableSignInClock;
import com.coastline.identity.signin.CodeMailbox;
import com.coastline.identity.staff.SignUps.SignUp;
import com.coastline.notification.api.SecretSealer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.bearer;
import static com.coastline.identity.IdentityTokens.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff token swap writes the session's last use at most once a minute, like a client's; idle expiry
 * comes at most a minute early, never late, and the member's status is read at every swap.
 */
@IdentityServiceTest
class StaffSessionTouchTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	SignUps signUps;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SecretSealer sealer;

	@Autowired
	MovableSignInClock clock;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	CodeMailbox mailbox;

	String ip;

	@BeforeEach
	void setUp() {
		mailbox = new CodeMailbox(jdbc, bootstrapServers, sealer);
		ip = "172.17." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void swapsWithinAMinuteOfTheLastWriteOnlyRead() {
		SignUp workspace = signedUp();
		String session = signIn(workspace.owner().getEmail());
		Instant opened = lastSeen(workspace);

		clock.advance(Duration.ofSeconds(59));
		assertThat(exchange(session)).hasStatus(200);
		assertThat(lastSeen(workspace)).isEqualTo(opened);

		clock.advance(Duration.ofSeconds(2));
		assertThat(exchange(session)).hasStatus(200);
		assertThat(lastSeen(workspace)).isAfterOrEqualTo(opened.plusSeconds(61));
	}

	@Test
	void anIdleSessionEndsAtMostAMinuteEarlyAndNeverLate() {
		SignUp workspace = signedUp();
		String session = signIn(workspace.owner().getEmail());
		clock.advance(Duration.ofSeconds(59));
		assertThat(exchange(session)).hasStatus(200);

		clock.advance(Duration.ofMinutes(30).minusSeconds(58));

		assertThat(exchange(session)).hasStatus(401);
	}

	private Instant lastSeen(SignUp workspace) {
		return jdbc.queryForObject("select last_seen_at from staff_session where workspace_id = ?", Timestamp.class,
				workspace.workspace().getId()).toInstant();
	}

	private String signIn(String email) {
		MvcTestResult requested = call("/internal/staff/codes",
				new HashMap<>(Map.of("email", email, "ip", ip, "userAgent", "Mozilla/5.0 (Macintosh)")));
		assertThat(requested).hasStatus(202);
		String attempt = read(requested).get("attempt").asString();
		MvcTestResult verified = call("/internal/staff/codes/verify", Map.of("attempt", attempt, "code",
				mailbox.latestCode(email), "ip", ip, "userAgent", "Mozilla/5.0 (Macintosh)"));
		assertThat(verified).hasStatus(201);
		return read(verified).get("sessionId").asString();
	}

	private MvcTestResult exchange(String session) {
		return call("/internal/staff/sessions/token", Map.of("sessionId", session));
	}

	private MvcTestResult call(String path, Object body) {
		return mvc.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION,
					bearer(tokens.clientCredentials("backoffice-gateway", "local-backoffice-gateway-secret", Map.of())))
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))
			.exchange();
	}

	private SignUp signedUp() {
		return signUps.signUp("Tide Glass " + UUID.randomUUID(), ZoneId.of("America/Denver"), Currency.getInstance("USD"),
				"owner-" + UUID.randomUUID() + "@example.com", "Dana Reyes");
	}
}
