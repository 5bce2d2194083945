package com.coastline.identity.staff;

import java.time.Duration;
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
import com.coastline.platform.web.tenant.PrincipalKind;
import com.coastline.platform.web.tenant.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.bearer;
import static com.coastline.identity.IdentityTokens.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff sign in with email codes through the back-office gateway and get staff tokens with their role. */
@IdentityServiceTest
class StaffSignInTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String GATEWAY = "backoffice-gateway";

	private static final String GATEWAY_SECRET = "local-backoffice-gateway-secret";

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
	JwtDecoder resourceServerDecoder;

	@Autowired
	MovableSignInClock clock;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	CodeMailbox mailbox;

	String ip;

	@BeforeEach
	void setUp() {
		mailbox = new CodeMailbox(jdbc, bootstrapServers, sealer);
		ip = "172.16." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anOwnerSignsInWithACodeAndGetsAStaffTokenWithTheirRole() {
		SignUp workspace = signedUp();
		String email = workspace.owner().getEmail();

		String attempt = requestCode(email);
		assertThat(mailbox.to(email)).singleElement().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("{{secret:code}} is your sign-in code for Coastline");
			// notification-service delivers only emails for a workspace: the member's.
			assertThat(mail.workspaceId()).isEqualTo(workspace.workspace().getId());
		});
		MvcTestResult verified = call("/internal/staff/codes/verify", codeEntry(attempt, mailbox.latestCode(email)));

		assertThat(verified).hasStatus(201);
		JsonNode session = read(verified);
		assertThat(session.get("staffId").asString()).isEqualTo(workspace.owner().getId().toString());
		assertThat(session.get("role").asString()).isEqualTo("owner");
		Jwt token = exchange(session.get("sessionId").asString());
		Tenant tenant = Tenant.from(token);
		assertThat(tenant.kind()).isEqualTo(PrincipalKind.STAFF);
		assertThat(tenant.workspaceId()).isEqualTo(workspace.workspace().getId());
		assertThat(tenant.subject()).isEqualTo(workspace.owner().getId().toString());
		assertThat(tenant.roles()).containsExactly("owner");
		assertThat(token.getClaimAsStringList("amr")).containsExactly("code");
		assertThat(token.getClaimAsString("email")).isEqualTo(email);
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isLessThanOrEqualTo(Duration.ofSeconds(60));
		// The staff token works on the back-office APIs.
		assertThat(mvc.get().uri("/api/staff").header(HttpHeaders.AUTHORIZATION, bearer(token.getTokenValue())).exchange())
			.hasStatusOk();
	}

	@Test
	void theFirstSignInAcceptsAnInvitation() {
		SignUp workspace = signedUp();
		String email = "sam-" + UUID.randomUUID() + "@example.com";
		assertThat(invite(workspace, email)).hasStatus(201);

		String attempt = requestCode(email);
		MvcTestResult verified = call("/internal/staff/codes/verify", codeEntry(attempt, mailbox.latestCode(email)));

		assertThat(verified).hasStatus(201);
		assertThat(read(verified).get("role").asString()).isEqualTo("staff");
		assertThat(jdbc.queryForObject("select status from staff_member where email = ?", String.class, email))
			.isEqualTo("ACTIVE");
		assertThat(Tenant.from(exchange(read(verified).get("sessionId").asString())).roles()).containsExactly("staff");
	}

	@Test
	void someoneInTwoWorkspacesChoosesOneAfterTheCode() {
		SignUp first = signedUp();
		SignUp second = signedUp();
		String email = first.owner().getEmail();
		assertThat(invite(second, email)).hasStatus(201);

		String attempt = requestCode(email);
		// The code signs in to either; its email is sent for the workspace the member joined first.
		assertThat(mailbox.to(email)).singleElement()
			.satisfies(mail -> assertThat(mail.workspaceId()).isEqualTo(first.workspace().getId()));
		MvcTestResult verified = call("/internal/staff/codes/verify", codeEntry(attempt, mailbox.latestCode(email)));

		assertThat(verified).hasStatus(200);
		assertThat(read(verified).get("workspaces").findValuesAsString("workspaceId"))
			.containsExactlyInAnyOrder(first.workspace().getId().toString(), second.workspace().getId().toString());
		MvcTestResult chosen = call("/internal/staff/codes/choose",
				Map.of("attempt", attempt, "workspaceId", second.workspace().getId().toString(), "ip", ip));
		assertThat(chosen).hasStatus(201);
		assertThat(Tenant.from(exchange(read(chosen).get("sessionId").asString())).workspaceId())
			.isEqualTo(second.workspace().getId());
		assertThat(call("/internal/staff/codes/choose",
				Map.of("attempt", attempt, "workspaceId", first.workspace().getId().toString(), "ip", ip)))
			.hasStatus(401);
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAndNoEmail() {
		String email = "nobody-" + UUID.randomUUID() + "@example.com";
		MvcTestResult result = call("/internal/staff/codes", codeRequest(email));

		assertThat(result).hasStatus(202);
		assertThat(read(result).get("attempt").asString()).matches("[A-Za-z0-9_-]{43}");
		assertThat(mailbox.to(email)).isEmpty();
	}

	@Test
	void aRemovedMembersSessionStopsWorking() {
		SignUp workspace = signedUp();
		String email = "kim-" + UUID.randomUUID() + "@example.com";
		JsonNode invited = read(invite(workspace, email));
		String attempt = requestCode(email);
		String session = read(call("/internal/staff/codes/verify", codeEntry(attempt, mailbox.latestCode(email))))
			.get("sessionId")
			.asString();
		assertThat(exchangeCall(session)).hasStatus(200);

		assertThat(mvc.delete()
			.uri("/api/staff/{id}", invited.get("id").asString())
			.header(HttpHeaders.AUTHORIZATION, bearer(tokens.staff(workspace.workspace().getId(), "owner")))
			.exchange()).hasStatus(204);

		assertThat(exchangeCall(session)).hasStatus(401);
	}

	@Test
	void staffSessionsEndWhenIdleAndOnSignOut() {
		SignUp workspace = signedUp();
		String email = workspace.owner().getEmail();
		String first = signIn(email);
		clock.advance(Duration.ofMinutes(31));
		assertThat(exchangeCall(first)).hasStatus(401);

		String second = signIn(email);
		assertThat(call("/internal/staff/sessions/sign-out", Map.of("sessionId", second, "ip", ip))).hasStatus(204);
		assertThat(exchangeCall(second)).hasStatus(401);
	}

	@Test
	void onlyTheBackOfficeGatewayMayCallStaffSignIn() {
		String portalGateway = tokens.clientCredentials("portal-gateway", "local-portal-gateway-secret", Map.of());
		assertThat(call(portalGateway, "/internal/staff/codes", codeRequest("x@example.com"))).hasStatus(403);
		assertThat(call(tokens.admin(), "/internal/staff/codes", codeRequest("x@example.com"))).hasStatus(403);
		assertThat(mvc.post()
			.uri("/internal/staff/codes")
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(codeRequest("x@example.com")))
			.exchange()).hasStatus(401);
	}

	private String signIn(String email) {
		clock.advance(Duration.ofSeconds(61));
		String attempt = requestCode(email);
		MvcTestResult verified = call("/internal/staff/codes/verify", codeEntry(attempt, mailbox.latestCode(email)));
		assertThat(verified).hasStatus(201);
		return read(verified).get("sessionId").asString();
	}

	private Jwt exchange(String session) {
		MvcTestResult result = exchangeCall(session);
		assertThat(result).hasStatus(200);
		return resourceServerDecoder.decode(read(result).get("accessToken").asString());
	}

	private MvcTestResult exchangeCall(String session) {
		return call("/internal/staff/sessions/token", Map.of("sessionId", session));
	}

	private String requestCode(String email) {
		MvcTestResult result = call("/internal/staff/codes", codeRequest(email));
		assertThat(result).hasStatus(202);
		return read(result).get("attempt").asString();
	}

	private Map<String, Object> codeRequest(String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("email", email);
		body.put("ip", ip);
		body.put("userAgent", "Mozilla/5.0 (Macintosh)");
		return body;
	}

	private Map<String, Object> codeEntry(String attempt, String code) {
		return Map.of("attempt", attempt, "code", code, "ip", ip, "userAgent", "Mozilla/5.0 (Macintosh)");
	}

	private MvcTestResult call(String path, Object body) {
		return call(tokens.clientCredentials(GATEWAY, GATEWAY_SECRET, Map.of()), path, body);
	}

	private MvcTestResult call(String token, String path, Object body) {
		return mvc.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))
			.exchange();
	}

	private MvcTestResult invite(SignUp workspace, String email) {
		return mvc.post()
			.uri("/api/staff")
			.header(HttpHeaders.AUTHORIZATION, bearer(tokens.staff(workspace.workspace().getId(), "owner")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("email", email, "name", "Sam Lee", "role", "STAFF")))
			.exchange();
	}

	private SignUp signedUp() {
		return signUps.signUp("Harbor Tiling " + UUID.randomUUID(), ZoneId.of("America/Denver"),
				Currency.getInstance("USD"), "owner-" + UUID.randomUUID() + "@example.com", "Dana Reyes");
	}
}
