package com.coastline.identity.staff;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.web.problem.ProblemType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.identity.staff.StaffProblems.fieldErrors;
import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@IdentityServiceTest
class SignUpApiTest {

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
	void signUpCreatesTheWorkspaceWithItsActiveOwnerAndAnnouncesTheWorkspace() {
		// when
		MvcTestResult result = signUp(tokens.admin(), request(Map.of("workspaceName", "  Harbor Tiling  ", "ownerEmail",
				"  Dana.Reyes@Example.COM ", "ownerName", " Dana Reyes ")));

		// then
		assertThat(result).hasStatus(201);
		JsonNode body = read(result);
		JsonNode workspace = body.get("workspace");
		JsonNode owner = body.get("owner");
		String workspaceId = workspace.get("id").asString();
		assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/workspaces/" + workspaceId);
		assertThat(workspace.get("name").asString()).isEqualTo("Harbor Tiling");
		assertThat(workspace.get("timeZone").asString()).isEqualTo("America/Denver");
		assertThat(workspace.get("currency").asString()).isEqualTo("USD");
		assertThat(owner.get("workspaceId").asString()).isEqualTo(workspaceId);
		assertThat(owner.get("email").asString()).isEqualTo("dana.reyes@example.com");
		assertThat(owner.get("name").asString()).isEqualTo("Dana Reyes");
		assertThat(owner.get("role").asString()).isEqualTo("OWNER");
		assertThat(owner.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(owner.get("version").asLong()).isEqualTo(1);
		assertThat(registry.find(UUID.fromString(workspaceId))).isPresent();

		MvcTestResult staff = mvc.get()
			.uri("/api/staff")
			.header(HttpHeaders.AUTHORIZATION, bearer(tokens.adminOf(UUID.fromString(workspaceId))))
			.exchange();
		assertThat(read(staff).values()).containsExactly(owner);

		ConsumerRecord<String, String> record = new TopicRecords(bootstrapServers).await(IdentityTopics.EVENTS,
				r -> workspaceId.equals(r.key()));
		JsonNode event = JSON.readTree(record.value());
		assertThat(header(record, "ce_type")).isEqualTo(IdentityTopics.WORKSPACE_CREATED);
		ContractSchemas.assertConforms(event, "schemas/" + IdentityTopics.WORKSPACE_CREATED + ".json");
		assertThat(event.get("name").asString()).isEqualTo("Harbor Tiling");
		assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(Instant.parse(workspace.get("createdAt").asString()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			workspaceName | '   '
			timeZone      | Mars/Olympus
			currency      | usd
			ownerEmail    | not-an-email
			ownerName     | '  '
			""")
	void invalidSignUpFieldIsAProblemNamingIt(String field, String value) {
		MvcTestResult result = signUp(tokens.admin(), request(Map.of(field, value)));

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(fieldErrors(result)).containsExactly(field);
	}

	@Test
	void missingSignUpFieldsAreProblemsNamingEachOne() {
		MvcTestResult result = signUp(tokens.admin(), "{}");

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(fieldErrors(result)).containsExactlyInAnyOrder("workspaceName", "timeZone", "currency", "ownerEmail",
				"ownerName");
	}

	static Stream<Arguments> ownerEmailsThatAreNotOnePlainAddress() {
		return Stream.of(arguments("owner@example.com\r\nBcc: victim@example.com", "line breaks"),
				arguments("owner@example.com\nbcc:x@example.com", "line breaks"),
				arguments("owner@example.com, other@example.com", "not a list"),
				arguments("owner@example.com;other@example.com", "not a list"),
				arguments("owner@example.com@other.example.com", "not a list"),
				arguments("Owner <owner@example.com>", "display name"),
				arguments("owner@example.com other.example.com", "display name"));
	}

	@ParameterizedTest
	@MethodSource("ownerEmailsThatAreNotOnePlainAddress")
	void ownerEmailThatIsNotOnePlainAddressIsRefusedWithItsReason(String email, String reason) {
		String name = "Injected " + UUID.randomUUID();

		MvcTestResult result = signUp(tokens.admin(), request(Map.of("ownerEmail", email, "workspaceName", name)));

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		JsonNode error = read(result).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("ownerEmail");
		assertThat(error.get("message").asString()).contains(reason);
		assertThat(registry.named(name)).isEmpty();
	}

	@Test
	void signUpNeedsAnAdminClientForNow() {
		UUID workspace = registry.create("Somewhere " + UUID.randomUUID(), ZoneId.of("UTC"), Currency.getInstance("EUR"))
			.getId();
		String body = request(Map.of());

		assertProblem(signUp(tokens.staff(workspace, "owner"), body), ProblemType.FORBIDDEN);
		assertProblem(signUp(tokens.automation(), body), ProblemType.FORBIDDEN);
		assertProblem(signUp(tokens.portalClient(workspace, UUID.randomUUID()), body), ProblemType.FORBIDDEN);
		assertProblem(mvc.post().uri("/api/signups").contentType(MediaType.APPLICATION_JSON).content(body).exchange(),
				ProblemType.UNAUTHORIZED);
	}

	/** A valid sign-up with some fields replaced. */
	private static String request(Map<String, String> overrides) {
		Map<String, String> fields = new HashMap<>(Map.of("workspaceName", "Harbor Tiling " + UUID.randomUUID(),
				"timeZone", "America/Denver", "currency", "USD", "ownerEmail", "owner-" + UUID.randomUUID() + "@example.com",
				"ownerName", "Dana Reyes"));
		fields.putAll(overrides);
		return JSON.writeValueAsString(fields);
	}

	private MvcTestResult signUp(String token, String json) {
		return mvc.post()
			.uri("/api/signups")
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}
}
