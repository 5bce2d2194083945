package com.coastline.identity.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.bearer;
import static com.coastline.identity.IdentityTokens.read;
import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
class WorkspaceApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	WorkspaceRegistry registry;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void adminCreatesAWorkspaceAndItIsAnnouncedOnIdentityEvents() {
		// when
		MvcTestResult result = create(tokens.admin(), """
				{"name": "  Summit Roofing  ", "timeZone": "America/Denver", "currency": "USD"}""");

		// then
		assertThat(result).hasStatus(201);
		JsonNode body = read(result);
		String id = body.get("id").asString();
		assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/workspaces/" + id);
		assertThat(body.get("name").asString()).isEqualTo("Summit Roofing");
		assertThat(body.get("timeZone").asString()).isEqualTo("America/Denver");
		assertThat(body.get("currency").asString()).isEqualTo("USD");
		assertThat(body.get("version").asLong()).isEqualTo(1);
		Instant createdAt = Instant.parse(body.get("createdAt").asString());
		MvcTestResult readBack = mvc.get()
			.uri(result.getResponse().getHeader(HttpHeaders.LOCATION))
			.header(HttpHeaders.AUTHORIZATION, bearer(tokens.admin()))
			.exchange();
		assertThat(read(readBack)).isEqualTo(body);

		ConsumerRecord<String, String> record = new TopicRecords(bootstrapServers).await(IdentityTopics.EVENTS,
				r -> id.equals(r.key()));
		JsonNode event = JSON.readTree(record.value());
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_type")).isEqualTo(IdentityTopics.WORKSPACE_CREATED);
		assertThat(header(record, "ce_source")).isEqualTo("/identity-service");
		assertThat(header(record, "ce_subject")).isEqualTo(id);
		assertThat(header(record, "ce_id")).isEqualTo(event.get("eventId").asString());
		assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(createdAt);
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(header(record, "traceparent")).isNotBlank();
		ContractSchemas.assertConforms(event, "schemas/" + IdentityTopics.WORKSPACE_CREATED + ".json");
		assertThat(event.get("workspaceId").asString()).isEqualTo(id);
		assertThat(event.get("name").asString()).isEqualTo("Summit Roofing");
		assertThat(event.get("version").asLong()).isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			'   '         | America/Denver | USD | name
			Summit        | Mars/Olympus   | USD | timeZone
			Summit        | +02:00         | USD | timeZone
			Summit        | America/Denver | usd | currency
			Summit        | America/Denver | XYZ | currency
			""")
	void invalidValueIsAProblemNamingTheField(String name, String timeZone, String currency, String field) {
		MvcTestResult result = create(tokens.admin(), JSON.writeValueAsString(
				Map.of("name", name, "timeZone", timeZone, "currency", currency)));

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(read(result).get("errors").values()).extracting(error -> error.get("field").asString())
			.containsExactly(field);
	}

	@Test
	void missingValuesAreProblemsNamingEachField() {
		MvcTestResult result = create(tokens.admin(), "{}");

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(read(result).get("errors").values()).extracting(error -> error.get("field").asString())
			.containsExactlyInAnyOrder("name", "timeZone", "currency");
	}

	@Test
	void unreadableBodyIsABadRequest() {
		assertProblem(create(tokens.admin(), "{\"name\": "), ProblemType.BAD_REQUEST);
	}

	@Test
	void requestWithoutTokenIsUnauthorized() {
		MvcTestResult result = mvc.post()
			.uri("/api/workspaces")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();

		assertProblem(result, ProblemType.UNAUTHORIZED);
	}

	@Test
	void tokenOfAnotherIssuerIsUnauthorized() {
		// The platform's test issuer is trusted by other services' tests, never by identity itself.
		String foreign = TestTokens.service("admin").roles("admin").mint();

		assertProblem(create(foreign, "{}"), ProblemType.UNAUTHORIZED);
	}

	@Test
	void tokenSignedByIdentityButExpiredOrForAnotherAudienceOrIssuerIsUnauthorized() {
		Instant past = Instant.now().minusSeconds(600);
		String expired = tokens.sign(tokens.adminClaims().issuedAt(past).notBefore(past).expiresAt(past.plusSeconds(60)));
		String otherAudience = tokens.sign(tokens.adminClaims().audience(List.of("another-api")));
		String otherIssuer = tokens.sign(tokens.adminClaims().issuer("https://attacker.example"));
		String valid = tokens.sign(tokens.adminClaims());

		assertThat(findByName(valid, "Anyone")).hasStatusOk();
		for (String token : new String[] { expired, otherAudience, otherIssuer }) {
			assertProblem(findByName(token, "Anyone"), ProblemType.UNAUTHORIZED);
		}
	}

	@Test
	void portalClientTokenIsForbidden() {
		Workspace workspace = existingWorkspace();
		String client = tokens.portalClient(workspace.getId(), UUID.randomUUID());

		assertProblem(get(client, workspace.getId()), ProblemType.FORBIDDEN);
		assertProblem(create(client, "{}"), ProblemType.FORBIDDEN);
	}

	@Test
	void tokenWithoutTheAdminRoleMayNotCreateOrSearch() {
		Workspace workspace = existingWorkspace();

		for (String token : new String[] { tokens.automation(), tokens.staff(workspace.getId(), "owner") }) {
			assertProblem(create(token, "{}"), ProblemType.FORBIDDEN);
			assertProblem(findByName(token, workspace.getName()), ProblemType.FORBIDDEN);
		}
	}

	@Test
	void staffReadsTheirOwnWorkspace() {
		Workspace workspace = existingWorkspace();

		MvcTestResult result = get(tokens.staff(workspace.getId(), "owner"), workspace.getId());

		assertThat(result).hasStatusOk();
		assertThat(read(result).get("id").asString()).isEqualTo(workspace.getId().toString());
	}

	@Test
	void staffOfAnotherWorkspaceGetsNotFound() {
		// given
		Workspace mine = existingWorkspace();
		Workspace theirs = existingWorkspace();

		// when
		MvcTestResult result = get(tokens.staff(mine.getId(), "owner"), theirs.getId());

		// then
		assertProblem(result, ProblemType.NOT_FOUND);
	}

	@Test
	void serviceTokenWithoutWorkspaceGetsNotFound() {
		assertProblem(get(tokens.automation(), existingWorkspace().getId()), ProblemType.NOT_FOUND);
	}

	@Test
	void adminReadsAnyWorkspaceAndUnknownOnesAreNotFound() {
		Workspace workspace = existingWorkspace();
		String admin = tokens.admin();

		assertThat(get(admin, workspace.getId())).hasStatusOk();
		assertProblem(get(admin, UUID.randomUUID()), ProblemType.NOT_FOUND);
	}

	@Test
	void malformedIdIsABadRequest() {
		MvcTestResult result = mvc.get()
			.uri("/api/workspaces/not-a-uuid")
			.header(HttpHeaders.AUTHORIZATION, bearer(tokens.admin()))
			.exchange();

		assertProblem(result, ProblemType.BAD_REQUEST);
	}

	@Test
	void adminFindsWorkspacesByExactName() {
		// given
		String name = "Tidewater Decks " + UUID.randomUUID();
		Workspace first = registry.create(name, ZoneId.of("America/New_York"), Currency.getInstance("USD"));
		registry.create(name + " II", ZoneId.of("America/New_York"), Currency.getInstance("USD"));

		// when
		MvcTestResult result = findByName(tokens.admin(), name);

		// then
		assertThat(result).hasStatusOk();
		assertThat(read(result).values()).extracting(workspace -> workspace.get("id").asString())
			.containsExactly(first.getId().toString());
	}

	@Test
	void searchWithABlankNameIsAProblem() {
		assertProblem(findByName(tokens.admin(), " "), ProblemType.VALIDATION_FAILED);
	}

	private Workspace existingWorkspace() {
		return registry.create("Coastal Painting " + UUID.randomUUID(), ZoneId.of("Australia/Sydney"),
				Currency.getInstance("AUD"));
	}

	private MvcTestResult create(String token, String json) {
		return mvc.post()
			.uri("/api/workspaces")
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult get(String token, UUID id) {
		return mvc.get().uri("/api/workspaces/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
	}

	private MvcTestResult findByName(String token, String name) {
		return mvc.get()
			.uri("/api/workspaces")
			.param("name", name)
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.exchange();
	}

	private static void assertProblem(MvcTestResult result, ProblemType type) {
		assertThat(result).hasStatus(type.status()).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(read(result).get("type").asString()).isEqualTo(type.type().toString());
	}
}
