package com.coastline.identity.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.signin.CodeMailbox;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.web.problem.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.read;
import static com.coastline.platform.web.testing.ProblemAssertions.assertInvalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A portal client signs in with a 6-digit code sent to their email (SECURITY.md, "Email code"). */
@IdentityServiceTest
@ExtendWith(OutputCaptureExtension.class)
class CodeSignInTest {

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

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	Portal portal;

	CodeMailbox mailbox;

	UUID workspace;

	UUID contact;

	String email;

	/** Every test signs in from addresses of its own, so that per-IP limits of other tests do not interfere. */
	String clientIp;

	@BeforeEach
	void setUp() {
		portal = new Portal(mvc, tokens, jdbc, bootstrapServers, workspaces);
		mailbox = new CodeMailbox(jdbc, bootstrapServers, sealer);
		workspace = portal.workspace();
		contact = UUID.randomUUID();
		email = "dana.reyes+" + contact.toString().substring(0, 8) + "@example.com";
		portal.upsert(workspace, contact, email, 1);
		clientIp = randomIp();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theRightCodeSignsInOnceAndTravelsOnlySealed(CapturedOutput output) {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);
		SendEmail mail = mailbox.to(email).get(0);

		assertThat(code).matches("[0-9]{6}");
		assertThat(mail.kind()).isEqualTo(EmailKind.SIGN_IN_CODE);
		assertThat(mail.workspaceId()).isEqualTo(workspace);
		assertThat(mail.recipient().name()).isEqualTo("Dana Reyes");
		assertThat(mail.subject()).isEqualTo("{{secret:code}} is your sign-in code for Summit Roofing");
		assertThat(mail.text()).contains("{{secret:code}}").doesNotContain(code);
		assertThat(mail.html()).contains("{{secret:code}}").doesNotContain(code);

		MvcTestResult verified = verify(attempt, code, clientIp);
		assertThat(verified).hasStatus(201);
		assertThat(verified.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		JsonNode session = read(verified);
		assertThat(session.get("contactId").asString()).isEqualTo(contact.toString());
		assertThat(session.get("workspaceId").asString()).isEqualTo(workspace.toString());
		assertThat(portal.exchange(session.get("sessionId").asString())).hasStatus(200);
		assertThat(jdbc.queryForObject("select method from portal_session where contact_id = ?", String.class, contact))
			.isEqualTo("code");
		assertThat(jdbc.queryForList("select kind from audit_event where workspace_id = ? and kind like 'code-%'"
				+ " order by id", String.class, workspace)).containsExactly("code-requested", "code-used");
		// The same code again: used.
		assertCodeRefused(verify(attempt, code, clientIp), 0);

		await().atMost(Portal.EVENTUALLY).until(() -> !mailbox.onTheWire(email).isEmpty());
		assertThat(mailbox.onTheWire(email)).noneMatch(value -> value.contains(code));
		assertThat(storedText()).doesNotContain(code, attempt);
		assertThat(output.getAll()).doesNotContain(code).doesNotContain(attempt);
	}

	@Test
	void askingForACodeAnswersTheSameForKnownAndUnknownEmails() {
		String unknown = "nobody+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		MvcTestResult known = portal.gatewayCall("/internal/codes", codeRequest(email, null, clientIp));
		MvcTestResult other = portal.gatewayCall("/internal/codes", codeRequest(unknown, null, randomIp()));

		assertThat(known).hasStatus(202);
		assertThat(other).hasStatus(202);
		assertThat(fieldNames(read(known))).isEqualTo(fieldNames(read(other)));
		assertThat(read(other).get("attempt").asString()).matches("[A-Za-z0-9_-]{43}");
		assertThat(mailbox.to(email)).hasSize(1);
		assertThat(mailbox.to(unknown)).isEmpty();
		// An unknown email's attempt refuses codes exactly like a known one's wrong code.
		assertCodeRefused(verify(read(other).get("attempt").asString(), "000000", randomIp()), 2);
	}

	@Test
	void aSecondCodeWithinTheCooldownIsSilentlyNotSentAndANewCodeReplacesTheAttemptsOlderOne() {
		String attempt = requestCode(email, null, clientIp);
		String first = mailbox.latestCode(email);

		assertThat(requestCode(email, attempt, clientIp)).isEqualTo(attempt);
		assertThat(mailbox.to(email)).hasSize(1);

		clock.advance(Duration.ofSeconds(61));
		assertThat(requestCode(email, attempt, clientIp)).isEqualTo(attempt);
		assertThat(mailbox.to(email)).hasSize(2);
		String second = mailbox.latestCode(email);

		if (!second.equals(first)) {
			// The replaced code is just a wrong one now: it counts against the attempt's live code.
			assertCodeRefused(verify(attempt, first, clientIp), 2);
		}
		assertThat(verify(attempt, second, clientIp)).hasStatus(201);
	}

	@Test
	void anAttackersCodeRequestsDoNotCancelTheClientsCode() {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);

		String attacker = randomIp();
		for (int i = 0; i < 3; i++) {
			clock.advance(Duration.ofSeconds(61));
			String attackersAttempt = requestCode(email, null, attacker);
			assertCodeRefused(verify(attackersAttempt, "000000", attacker), 2);
		}

		assertThat(verify(attempt, code, clientIp)).hasStatus(201);
	}

	@Test
	void theThirdWrongCodeBurnsTheCodeAndTheRightCodeThenFailsToo() {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);
		String wrong = wrongCode(code);

		assertCodeRefused(verify(attempt, wrong, clientIp), 2);
		assertCodeRefused(verify(attempt, wrong, clientIp), 1);
		assertCodeRefused(verify(attempt, wrong, clientIp), 0);
		assertCodeRefused(verify(attempt, code, clientIp), 0);

		assertThat(jdbc.queryForList("select kind from audit_event where workspace_id = ? and kind like 'code-%'"
				+ " order by id", String.class, workspace))
			.containsExactly("code-requested", "code-failed", "code-failed", "code-burned", "code-failed");
	}

	@Test
	void theRightCodeOnTheThirdTryStillSignsIn() {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);

		assertCodeRefused(verify(attempt, wrongCode(code), clientIp), 2);
		assertCodeRefused(verify(attempt, wrongCode(code), clientIp), 1);
		assertThat(verify(attempt, code, clientIp)).hasStatus(201);
	}

	@Test
	void twentyParallelSubmissionsOfTheRightCodeOpenExactlyOneSession() throws Exception {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);
		String gateway = portal.gateway();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Callable<Integer>> submissions = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String ip = randomIp();
				submissions.add(() -> portal.gatewayCall(gateway, "/internal/codes/verify", codeEntry(attempt, code, ip))
					.getResponse()
					.getStatus());
			}
			for (Future<Integer> status : pool.invokeAll(submissions)) {
				statuses.add(status.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).hasSize(20).containsOnly(201, 401).containsOnlyOnce(201);
		assertThat(jdbc.queryForObject("select count(*) from portal_session where contact_id = ?", Integer.class,
				contact)).isEqualTo(1);
	}

	@Test
	void aCodeWorksOnlyInTheAttemptThatAskedForIt() {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);
		String otherBrowser = requestCode(email, null, randomIp());

		assertCodeRefused(verify(otherBrowser, code, clientIp), 2);
		assertThat(verify(attempt, code, clientIp)).hasStatus(201);
	}

	@Test
	void aCodeExpiresAfterTenMinutes() {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);

		clock.advance(Duration.ofMinutes(10).plusSeconds(1));

		assertCodeRefused(verify(attempt, code, clientIp), 0);
	}

	@Test
	void aCodeStillWorksJustBeforeItsTenMinutesEnd() {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);

		clock.advance(Duration.ofMinutes(10).minusSeconds(2));

		assertThat(verify(attempt, code, clientIp)).hasStatus(201);
	}

	@Test
	void wrongCodesMakeTheNextCodeFromThatSourceWaitSilentlyButNotTheClientElsewhere() {
		String attacker = randomIp();
		String attackersAttempt = requestCode(email, null, attacker);
		for (int i = 0; i < 3; i++) {
			verify(attackersAttempt, "999999".equals(mailbox.latestCode(email)) ? "000000" : "999999", attacker);
		}
		int sent = mailbox.to(email).size();

		clock.advance(Duration.ofSeconds(61));
		assertThat(portal.gatewayCall("/internal/codes", codeRequest(email, attackersAttempt, attacker))).hasStatus(202);
		assertThat(mailbox.to(email)).hasSize(sent);

		String attempt = requestCode(email, null, clientIp);
		assertThat(mailbox.to(email)).hasSize(sent + 1);
		assertThat(verify(attempt, mailbox.latestCode(email), clientIp)).hasStatus(201);
		// Three wrong codes: the attacker's source waits two minutes, then may ask again.
		clock.advance(Duration.ofMinutes(1));
		requestCode(email, attackersAttempt, attacker);
		assertThat(mailbox.to(email)).hasSize(sent + 2);
		// …and a link always works, whatever happened around codes.
		assertThat(portal.redeem(portal.link(workspace, contact).get("token").asString(), attacker, "curl/8"))
			.hasStatus(201);
	}

	@Test
	void aSuccessfulSignInStartsTheSourcesLimitsAfresh() {
		String attempt = requestCode(email, null, clientIp);
		String code = mailbox.latestCode(email);
		verify(attempt, wrongCode(code), clientIp);
		assertThat(verify(attempt, code, clientIp)).hasStatus(201);

		requestCode(email, null, clientIp);

		assertThat(mailbox.to(email)).hasSize(2);
	}

	@Test
	void tooManyCodeRequestsFromOneAddressAnswer429WithRetryAfter() {
		String ip = randomIp();
		for (int i = 0; i < 20; i++) {
			assertThat(portal.gatewayCall("/internal/codes", codeRequest(email, null, ip))).hasStatus(202);
		}

		MvcTestResult throttled = portal.gatewayCall("/internal/codes", codeRequest(email, null, ip));

		Portal.assertProblem(throttled, ProblemType.TOO_MANY_REQUESTS);
		long retryAfter = Long.parseLong(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(15).toSeconds());
		assertThat(portal.gatewayCall("/internal/codes", codeRequest(email, null, randomIp()))).hasStatus(202);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'throttled' and ip = ?",
				Integer.class, ip)).isEqualTo(1);
	}

	@Test
	void tooManyTriesFromOneAddressAnswer429() {
		String ip = randomIp();
		String attempt = requestCode(email, null, clientIp);
		for (int i = 0; i < 60; i++) {
			assertThat(verify(attempt, "12345" + (i % 10), ip).getResponse().getStatus()).isEqualTo(401);
		}

		MvcTestResult throttled = verify(attempt, mailbox.latestCode(email), ip);

		Portal.assertProblem(throttled, ProblemType.TOO_MANY_REQUESTS);
		assertThat(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
	}

	@Test
	void failedRedemptionsFromOneAddressAnswer429ButAValidLinkAlwaysWorks() {
		String ip = randomIp();
		for (int i = 0; i < 60; i++) {
			assertThat(portal.redeem("not-a-token-" + i, ip, "scanner")).hasStatus(401);
		}

		Portal.assertProblem(portal.redeem("not-a-token", ip, "scanner"), ProblemType.TOO_MANY_REQUESTS);
		assertThat(portal.redeem(portal.link(workspace, contact).get("token").asString(), ip, "Mozilla/5.0"))
			.hasStatus(201);
	}

	@Test
	void severalContactsWithTheEmailChooseWhoToContinueAs() {
		UUID partner = UUID.randomUUID();
		portal.upsert(workspace, partner, email, 1);
		String attempt = requestCode(email, null, clientIp);

		MvcTestResult verified = verify(attempt, mailbox.latestCode(email), clientIp);

		assertThat(verified).hasStatus(200);
		JsonNode contacts = read(verified).get("contacts");
		assertThat(contacts.size()).isEqualTo(2);
		assertThat(contacts.findValuesAsString("contactId")).containsExactlyInAnyOrder(contact.toString(),
				partner.toString());
		assertThat(mailbox.to(email).get(0).recipient().name()).isNull();

		assertCodeRefused(choose(attempt, UUID.randomUUID()), 0);
		MvcTestResult chosen = choose(attempt, partner);
		assertThat(chosen).hasStatus(201);
		assertThat(read(chosen).get("contactId").asString()).isEqualTo(partner.toString());
		assertCodeRefused(choose(attempt, contact), 0);
		assertThat(jdbc.queryForObject("select count(*) from portal_session where contact_id in (?, ?)", Integer.class,
				contact, partner)).isEqualTo(1);
	}

	@Test
	void theSameEmailAtAnotherWorkspacesPortalSignsIntoThatWorkspaceOnly() {
		UUID otherWorkspace = portal.workspace();
		UUID otherContact = UUID.randomUUID();
		portal.upsert(otherWorkspace, otherContact, email, 1);

		String attempt = requestCode(email, null, clientIp, otherWorkspace);
		MvcTestResult verified = verify(attempt, mailbox.latestCode(email), clientIp);

		assertThat(verified).hasStatus(201);
		assertThat(read(verified).get("workspaceId").asString()).isEqualTo(otherWorkspace.toString());
		assertThat(read(verified).get("contactId").asString()).isEqualTo(otherContact.toString());
	}

	@Test
	void anArchivedContactGetsNoCode() {
		portal.archive(workspace, contact, 2);

		requestCode(email, null, clientIp);

		assertThat(mailbox.to(email)).isEmpty();
	}

	@Test
	void malformedEmailsAndCodesAreRefusedWithTheFieldNamed() {
		assertInvalidFields(portal.gatewayCall("/internal/codes",
				codeRequest("dana@example.com\r\nBcc: all@example.com", null, clientIp)), "email");
		assertInvalidFields(portal.gatewayCall("/internal/codes",
				codeRequest("dana@example.com, eve@example.com", null, clientIp)), "email");
		Map<String, Object> noWorkspace = codeRequest(email, null, clientIp);
		noWorkspace.remove("workspaceId");
		assertInvalidFields(portal.gatewayCall("/internal/codes", noWorkspace), "workspaceId");
		assertInvalidFields(verify("attempt", "12a456", clientIp), "code");
		assertInvalidFields(verify("attempt", "1234567", clientIp), "code");
		assertThat(mailbox.to(email)).isEmpty();
	}

	@Test
	void onlyThePortalGatewayMayAskForOrVerifyCodes() {
		String staff = portal.staff(workspace);
		assertThat(portal.gatewayCall(staff, "/internal/codes", codeRequest(email, null, clientIp))).hasStatus(403);
		String backOfficeGateway = tokens.clientCredentials("backoffice-gateway", "local-backoffice-gateway-secret",
				Map.of());
		assertThat(portal.gatewayCall(backOfficeGateway, "/internal/codes", codeRequest(email, null, clientIp)))
			.hasStatus(403);
		assertThat(mailbox.to(email)).isEmpty();
	}

	private String requestCode(String address, String attempt, String ip) {
		return requestCode(address, attempt, ip, workspace);
	}

	private String requestCode(String address, String attempt, String ip, UUID at) {
		Map<String, Object> body = codeRequest(address, attempt, ip);
		body.put("workspaceId", at.toString());
		MvcTestResult result = portal.gatewayCall("/internal/codes", body);
		assertThat(result).hasStatus(202);
		assertThat(Instant.parse(read(result).get("expiresAt").asString())).isAfter(Instant.now());
		return read(result).get("attempt").asString();
	}

	private Map<String, Object> codeRequest(String address, String attempt, String ip) {
		Map<String, Object> body = new HashMap<>();
		body.put("workspaceId", workspace.toString());
		body.put("email", address);
		body.put("attempt", attempt);
		body.put("ip", ip);
		body.put("userAgent", "Mozilla/5.0 (iPhone)");
		return body;
	}

	private MvcTestResult verify(String attempt, String code, String ip) {
		return portal.gatewayCall("/internal/codes/verify", codeEntry(attempt, code, ip));
	}

	private MvcTestResult choose(String attempt, UUID chosen) {
		return portal.gatewayCall("/internal/codes/choose",
				Map.of("attempt", attempt, "contactId", chosen.toString(), "ip", clientIp));
	}

	private static Map<String, Object> codeEntry(String attempt, String code, String ip) {
		return Map.of("attempt", attempt, "code", code, "ip", ip, "userAgent", "Mozilla/5.0 (iPhone)");
	}

	private static void assertCodeRefused(MvcTestResult result, int attemptsLeft) {
		assertThat(result).hasStatus(401);
		JsonNode problem = read(result);
		assertThat(problem.get("type").asString()).endsWith(":problem:code-refused");
		assertThat(problem.get("attemptsLeft").asInt()).isEqualTo(attemptsLeft);
	}

	private static String wrongCode(String code) {
		return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>(node.propertyNames());
		names.sort(null);
		return names;
	}

	/** Every text value identity keeps about sign-in and its outbox, in one string. */
	private String storedText() {
		return String.join("\n", jdbc.queryForList("""
				select concat_ws('|', a.*::text) from sign_in_attempt a
				union all select concat_ws('|', c.*::text) from sign_in_code c
				union all select concat_ws('|', t.*::text) from sign_in_throttle t
				union all select concat_ws('|', e.*::text) from audit_event e
				union all select serialized_event from event_publication""", String.class));
	}

	private static String randomIp() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}
}
