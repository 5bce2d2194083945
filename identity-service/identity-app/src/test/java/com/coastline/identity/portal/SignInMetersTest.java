package com.coastline.identity.portal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.signin.CodeMailbox;
import com.coastline.identity.signin.SignInMeters;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.notification.api.SecretSealer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in meters move on the real flows (the gateway's and back office's calls): links issued by
 * staff and by automation, link redemptions that work and that fail (unknown, revoked, expired), codes
 * requested for known and unknown emails, wrong and right codes, sessions signed out and ended by a
 * revocation.
 */
@IdentityServiceTest
class SignInMetersTest {

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
	SecretSealer sealer;

	@Autowired
	MeterRegistry meters;

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
	void linksIssuedCountStaffAndServiceApart() {
		double staff = linksIssued("staff");
		double service = linksIssued("service");

		portal.link(workspace, contact);
		portal.link(workspace, contact);
		assertThat(portal.issue(tokens.automation(), contact, "{}", "automation-run:" + UUID.randomUUID()))
			.hasStatus(201);

		assertThat(linksIssued("staff")).isEqualTo(staff + 2);
		assertThat(linksIssued("service")).isEqualTo(service + 1);
	}

	@Test
	void aLinkThatFailsToRedeemIsCountedWithWhyAndALinkThatWorksAsSuccess() {
		Map<String, Double> before = linkSignIns();
		JsonNode revoked = portal.link(workspace, contact);
		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/links/{l}", contact,
				revoked.get("id").asString())).hasStatus(204);
		String live = portal.link(workspace, contact).get("token").asString();

		assertThat(portal.redeem(live, randomIp(), "Mozilla/5.0")).hasStatus(201);
		assertThat(portal.redeem("not-a-link-" + UUID.randomUUID(), randomIp(), "scanner")).hasStatus(401);
		assertThat(portal.redeem(revoked.get("token").asString(), randomIp(), "Mozilla/5.0")).hasStatus(401);
		clock.advance(PortalLinks.LIFETIME.plus(Duration.ofMinutes(1)));
		assertThat(portal.redeem(live, randomIp(), "Mozilla/5.0")).hasStatus(401);

		Map<String, Double> after = linkSignIns();
		assertThat(after.get("success")).isEqualTo(before.get("success") + 1);
		assertThat(after.get("invalid")).isEqualTo(before.get("invalid") + 1);
		assertThat(after.get("revoked")).isEqualTo(before.get("revoked") + 1);
		assertThat(after.get("expired")).isEqualTo(before.get("expired") + 1);
		assertThat(after.get("inactive")).isEqualTo(before.get("inactive"));
	}

	@Test
	void sessionsEndedCountSignOutsApartFromRevocations() {
		double signedOut = sessionsEnded("sign-out");
		double ended = sessionsEnded("ended");
		JsonNode link = portal.link(workspace, contact);
		String first = portal.session(link.get("token").asString());
		portal.session(link.get("token").asString());
		portal.session(link.get("token").asString());

		assertThat(portal.gatewayCall("/internal/sessions/sign-out", Map.of("sessionId", first))).hasStatus(204);
		assertThat(portal.gatewayCall("/internal/sessions/sign-out", Map.of("sessionId", first)))
			.as("an ended session again: nothing more ends")
			.hasStatus(204);
		assertThat(portal.delete(portal.staff(workspace), "/api/contacts/{c}/links/{l}", contact,
				link.get("id").asString())).hasStatus(204);

		assertThat(sessionsEnded("sign-out")).isEqualTo(signedOut + 1);
		assertThat(sessionsEnded("ended")).as("the link's two live sessions").isEqualTo(ended + 2);
	}

	@Test
	void codesRequestedAndCodeSignInsCountTheirOutcomes() {
		CodeMailbox mailbox = new CodeMailbox(jdbc, bootstrapServers, sealer);
		String email = "sam.okafor+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		portal.upsert(workspace, UUID.randomUUID(), email, 1);
		double sent = codesRequested("sent");
		double unknown = codesRequested("unknown-email");
		double success = codeSignIns("success");
		double wrong = codeSignIns("wrong-code");
		double expired = codeSignIns("expired");
		String ip = randomIp();

		String attempt = requestCode(email, ip);
		requestCode("nobody+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", randomIp());
		String code = mailbox.latestCode(email);
		String wrongCode = code.equals("000000") ? "000001" : "000000";
		assertThat(verify(attempt, wrongCode, ip)).hasStatus(401);
		assertThat(verify(attempt, code, ip)).hasStatus(201);
		assertThat(verify(attempt, code, ip)).as("used: the attempt is complete").hasStatus(401);

		assertThat(codesRequested("sent")).isEqualTo(sent + 1);
		assertThat(codesRequested("unknown-email")).isEqualTo(unknown + 1);
		assertThat(codeSignIns("wrong-code")).isEqualTo(wrong + 1);
		assertThat(codeSignIns("success")).isEqualTo(success + 1);
		assertThat(codeSignIns("expired")).isEqualTo(expired + 1);
	}

	private String requestCode(String email, String ip) {
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

	private double linksIssued(String issuer) {
		return meters.get(SignInMeters.LINKS_ISSUED).tag("issuer", issuer).counter().count();
	}

	private double codesRequested(String outcome) {
		return meters.get(SignInMeters.CODES_REQUESTED).tag("audience", "client").tag("outcome", outcome).counter().count();
	}

	private double sessionsEnded(String reason) {
		return meters.get(SignInMeters.SESSIONS_ENDED).tag("audience", "client").tag("reason", reason).counter().count();
	}

	private double codeSignIns(String outcome) {
		return signIns("code", outcome);
	}

	private Map<String, Double> linkSignIns() {
		Map<String, Double> counts = new HashMap<>();
		for (String outcome : new String[] { "success", "invalid", "expired", "revoked", "inactive" }) {
			counts.put(outcome, signIns("link", outcome));
		}
		return counts;
	}

	private double signIns(String method, String outcome) {
		return meters.get(SignInMeters.SIGN_INS)
			.tag("audience", "client")
			.tag("method", method)
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	private static String randomIp() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}
}
