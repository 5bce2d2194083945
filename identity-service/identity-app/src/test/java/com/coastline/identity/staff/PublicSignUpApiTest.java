package com.coastline.identity.staff;

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
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.portal.MovableSignInClock;
import com.coastline.identity.signin.CodeMailbox;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.notification.api.SecretSealer;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.web.problem.ProblemType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
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
import static com.coastline.identity.staff.StaffProblems.fieldErrors;
import static com.coastline.platform.test.kafka.TopicRecords.header;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public sign-up as the back-office gateway relays it ({@code POST /internal/staff/signups}): only that
 * client, validation problems, the per-IP limit, {@code WorkspaceCreated} through the outbox, and the owner
 * signing in with an email code afterwards.
 */
@IdentityServiceTest
class PublicSignUpApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PATH = "/internal/staff/signups";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	WorkspaceRegistry registry;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SecretSealer sealer;

	@Autowired
	MovableSignInClock clock;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	String ip;

	@BeforeEach
	void setUp() {
		ip = "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theGatewaySignsABusinessUpAndItsOwnerThenSignsInWithACode() {
		String email = "owner-" + UUID.randomUUID() + "@example.com";

		MvcTestResult result = signUp(gateway(), request(Map.of("workspaceName", "  Pacific Decks  ", "timeZone",
				"America/Los_Angeles", "currency", "CAD", "ownerEmail", "  " + email.toUpperCase() + " ")));

		assertThat(result).hasStatus(201);
		assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		JsonNode body = read(result);
		String workspaceId = body.get("workspace").get("id").asString();
		assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/workspaces/" + workspaceId);
		assertThat(body.get("workspace").get("name").asString()).isEqualTo("Pacific Decks");
		assertThat(body.get("workspace").get("timeZone").asString()).isEqualTo("America/Los_Angeles");
		assertThat(body.get("workspace").get("currency").asString()).isEqualTo("CAD");
		JsonNode owner = body.get("owner");
		assertThat(owner.get("email").asString()).isEqualTo(email);
		assertThat(owner.get("role").asString()).isEqualTo("OWNER");
		assertThat(owner.get("status").asString()).isEqualTo("ACTIVE");

		// WorkspaceCreated through the outbox, as for any workspace.
		ConsumerRecord<String, String> record = new TopicRecords(bootstrapServers).await(IdentityTopics.EVENTS,
				r -> workspaceId.equals(r.key()));
		assertThat(header(record, "ce_type")).isEqualTo(IdentityTopics.WORKSPACE_CREATED);
		JsonNode event = JSON.readTree(record.value());
		ContractSchemas.assertConforms(event, "schemas/" + IdentityTopics.WORKSPACE_CREATED + ".json");
		assertThat(event.get("name").asString()).isEqualTo("Pacific Decks");

		// Audited with the browser's IP and user agent, never the email.
		Map<String, Object> audit = jdbc.queryForMap(
				"select kind, ip, user_agent, outcome, actor from audit_event where workspace_id = ? and kind = 'signed-up'",
				UUID.fromString(workspaceId));
		assertThat(audit).containsEntry("ip", ip)
			.containsEntry("user_agent", "Mozilla/5.0 (X11)")
			.containsEntry("outcome", "succeeded");
		assertThat(audit.get("actor").toString()).doesNotContain("@");

		// The owner signs in like any staff member: a code by email, then a session in the new workspace.
		MvcTestResult requested = call(gateway(), "/internal/staff/codes",
				Map.of("email", email, "ip", ip, "userAgent", "Mozilla/5.0 (X11)"));
		assertThat(requested).hasStatus(202);
		String attempt = read(requested).get("attempt").asString();
		String code = new CodeMailbox(jdbc, bootstrapServers, sealer).latestCode(email);
		MvcTestResult verified = call(gateway(), "/internal/staff/codes/verify",
				Map.of("attempt", attempt, "code", code, "ip", ip, "userAgent", "Mozilla/5.0 (X11)"));
		assertThat(verified).hasStatus(201);
		assertThat(read(verified).get("workspaceId").asString()).isEqualTo(workspaceId);
		assertThat(read(verified).get("role").asString()).isEqualTo("owner");
	}

	@Test
	void onlyTheBackOfficeGatewayMaySignBusinessesUp() {
		String name = "Not created " + UUID.randomUUID();
		String body = request(Map.of("workspaceName", name));
		UUID workspace = registry.create("Somewhere " + UUID.randomUUID(), ZoneId.of("UTC"), Currency.getInstance("EUR"))
			.getId();

		assertProblem(signUp(tokens.clientCredentials("portal-gateway", "local-portal-gateway-secret", Map.of()), body),
				ProblemType.FORBIDDEN);
		assertProblem(signUp(tokens.admin(), body), ProblemType.FORBIDDEN);
		assertProblem(signUp(tokens.automation(), body), ProblemType.FORBIDDEN);
		assertProblem(signUp(tokens.staff(workspace, "owner"), body), ProblemType.FORBIDDEN);
		assertProblem(signUp(tokens.portalClient(workspace, UUID.randomUUID()), body), ProblemType.FORBIDDEN);
		assertProblem(mvc.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).content(body).exchange(),
				ProblemType.UNAUTHORIZED);
		assertThat(registry.named(name)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			workspaceName | '   '
			timeZone      | Mars/Olympus
			currency      | usd
			ownerEmail    | not-an-email
			ownerEmail    | 'owner@example.com, other@example.com'
			ownerName     | '  '
			""")
	void invalidFieldIsAProblemNamingItAndCreatesNothing(String field, String value) {
		String name = "Invalid " + UUID.randomUUID();
		Map<String, String> overrides = new HashMap<>(Map.of(field, value));
		overrides.putIfAbsent("workspaceName", name);

		MvcTestResult result = signUp(gateway(), request(overrides));

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(fieldErrors(result)).containsExactly(field);
		assertThat(registry.named(name)).isEmpty();
	}

	@Test
	void missingFieldsAreProblemsNamingEachOne() {
		MvcTestResult result = signUp(gateway(), "{}");

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(fieldErrors(result)).containsExactlyInAnyOrder("workspaceName", "timeZone", "currency", "ownerEmail",
				"ownerName");
	}

	@Test
	void theSameOwnerEmailMaySignUpASecondBusiness() {
		String email = "owner-" + UUID.randomUUID() + "@example.com";

		assertThat(signUp(gateway(), request(Map.of("ownerEmail", email)))).hasStatus(201);
		assertThat(signUp(gateway(), request(Map.of("ownerEmail", email)))).hasStatus(201);
	}

	@Test
	void tooManySignUpsFromOneAddressAre429UntilTheWindowEnds() {
		String gateway = gateway();
		for (int i = 0; i < 10; i++) {
			assertThat(signUp(gateway, request(Map.of()))).hasStatus(201);
		}
		String name = "Throttled " + UUID.randomUUID();

		MvcTestResult throttled = signUp(gateway, request(Map.of("workspaceName", name)));

		assertProblem(throttled, ProblemType.TOO_MANY_REQUESTS);
		long retryAfter = Long.parseLong(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).isBetween(1L, Duration.ofHours(1).toSeconds());
		assertThat(registry.named(name)).isEmpty();
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_event where kind = 'throttled' and actor = 'sign_up' and ip = ?",
				Integer.class, ip)).isEqualTo(1);

		// Another address is not held back; this one may again once the hour is over.
		String elsewhere = ip;
		ip = "10.78.0." + ThreadLocalRandom.current().nextInt(1, 255);
		assertThat(signUp(gateway, request(Map.of()))).hasStatus(201);
		ip = elsewhere;
		clock.advance(Duration.ofMinutes(61));
		assertThat(signUp(gateway, request(Map.of("workspaceName", name)))).hasStatus(201);
		assertThat(registry.named(name)).hasSize(1);
	}

	private String gateway() {
		return tokens.clientCredentials("backoffice-gateway", "local-backoffice-gateway-secret", Map.of());
	}

	/** A valid sign-up from this test's IP with some fields replaced. */
	private String request(Map<String, String> overrides) {
		Map<String, String> fields = new HashMap<>(Map.of("workspaceName", "Harbor Tiling " + UUID.randomUUID(),
				"timeZone", "America/Denver", "currency", "USD", "ownerEmail", "owner-" + UUID.randomUUID() + "@example.com",
				"ownerName", "Dana Reyes", "ip", ip, "userAgent", "Mozilla/5.0 (X11)"));
		fields.putAll(overrides);
		return JSON.writeValueAsString(fields);
	}

	private MvcTestResult signUp(String token, String json) {
		return mvc.post()
			.uri(PATH)
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult call(String token, String path, Object body) {
		return mvc.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))
			.exchange();
	}
}
