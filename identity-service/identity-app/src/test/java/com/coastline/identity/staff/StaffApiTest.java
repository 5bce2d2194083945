package com.coastline.identity.staff;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.IdentityTokens;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.StaffInvited;
import com.coastline.identity.staff.SignUps.SignUp;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.platform.web.tenant.TenantScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

@IdentityServiceTest
class StaffApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdentityTokens tokens;

	@Autowired
	SignUps signUps;

	@Autowired
	StaffMembers members;

	@Autowired
	WorkspaceRegistry registry;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void ownerInvitesStaffAndTheInvitationIsAnnouncedWithoutTheEmail() {
		// given
		SignUp workspace = signedUp();
		String owner = ownerToken(workspace);

		// when
		MvcTestResult result = invite(owner, "  Sam.Lee@Example.com ", "Sam Lee", "STAFF");

		// then
		assertThat(result).hasStatus(201);
		JsonNode invited = read(result);
		String staffId = invited.get("id").asString();
		assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/staff/" + staffId);
		assertThat(invited.get("email").asString()).isEqualTo("sam.lee@example.com");
		assertThat(invited.get("role").asString()).isEqualTo("STAFF");
		assertThat(invited.get("status").asString()).isEqualTo("INVITED");
		assertThat(invited.get("workspaceId").asString()).isEqualTo(workspaceId(workspace).toString());
		assertThat(invited.get("invitedBy").asString()).isEqualTo(IdentityTokens.part(owner, 1).get("sub").asString());
		assertThat(read(get(owner, "/api/staff")).values()).extracting(member -> member.get("id").asString())
			.containsExactly(workspace.owner().getId().toString(), staffId);

		ConsumerRecord<String, String> record = new TopicRecords(bootstrapServers).await(IdentityTopics.EVENTS,
				r -> StaffInvited.TYPE.equals(header(r, "ce_type")) && staffId.equals(header(r, "ce_subject")));
		JsonNode event = JSON.readTree(record.value());
		assertThat(record.key()).isEqualTo(workspaceId(workspace).toString());
		assertThat(header(record, "ce_id")).isEqualTo(event.get("eventId").asString());
		assertThat(header(record, "ce_source")).isEqualTo("/identity-service");
		assertThat(header(record, "traceparent")).isNotBlank();
		ContractSchemas.assertConforms(event, "schemas/" + StaffInvited.TYPE + ".json");
		assertThat(event.get("role").asString()).isEqualTo("STAFF");
		assertThat(event.get("invitedAt").asString()).isEqualTo(invited.get("invitedAt").asString());
		assertThat(record.value()).doesNotContain("sam.lee");
	}

	@Test
	void adminClientActingForTheWorkspaceInvitesStaff() {
		SignUp workspace = signedUp();

		MvcTestResult result = invite(tokens.adminOf(workspaceId(workspace)), uniqueEmail(), "Kim Ortiz", "OWNER");

		assertThat(result).hasStatus(201);
		assertThat(read(result).get("role").asString()).isEqualTo("OWNER");
		assertThat(read(result).get("invitedBy").asString()).isEqualTo(IdentityTokens.ADMIN);
	}

	@Test
	void staffWhoAreNotOwnersSeeTheirColleaguesButCannotInviteOrRemove() {
		SignUp workspace = signedUp();
		String staff = tokens.staff(workspaceId(workspace), "staff");

		assertThat(get(staff, "/api/staff")).hasStatusOk();
		assertProblem(invite(staff, uniqueEmail(), "Pat Kim", "STAFF"), ProblemType.FORBIDDEN);
		assertProblem(remove(staff, workspace.owner().getId()), ProblemType.FORBIDDEN);
	}

	@Test
	void invitingAnEmailAlreadyInTheWorkspaceIsAConflict() {
		SignUp workspace = signedUp();
		String owner = ownerToken(workspace);
		String email = uniqueEmail();
		assertThat(invite(owner, email, "Sam Lee", "STAFF")).hasStatus(201);

		assertProblem(invite(owner, "  " + email.toUpperCase() + " ", "Sam Lee", "OWNER"), ProblemType.CONFLICT);
		assertProblem(invite(owner, workspace.owner().getEmail(), "Owner Again", "STAFF"), ProblemType.CONFLICT);
	}

	@Test
	void ownerRemovesStaffWhoCanThenBeInvitedAgain() {
		// given
		SignUp workspace = signedUp();
		String owner = ownerToken(workspace);
		String email = uniqueEmail();
		String staffId = read(invite(owner, email, "Sam Lee", "STAFF")).get("id").asString();

		// when
		MvcTestResult removed = remove(owner, UUID.fromString(staffId));

		// then
		assertThat(removed).hasStatus(204);
		assertThat(read(get(owner, "/api/staff/" + staffId)).get("status").asString()).isEqualTo("REMOVED");
		assertThat(read(get(owner, "/api/staff")).values()).extracting(member -> member.get("id").asString())
			.containsExactly(workspace.owner().getId().toString());
		assertThat(remove(owner, UUID.fromString(staffId))).hasStatus(204);

		MvcTestResult again = invite(owner, email, "Sam Lee", "OWNER");
		assertThat(again).hasStatus(201);
		assertThat(read(again).get("id").asString()).isEqualTo(staffId);
		assertThat(read(again).get("status").asString()).isEqualTo("INVITED");
		assertThat(read(again).get("role").asString()).isEqualTo("OWNER");
		ConsumerRecord<String, String> reinvited = new TopicRecords(bootstrapServers).await(IdentityTopics.EVENTS,
				r -> staffId.equals(header(r, "ce_subject")) && r.value().contains("\"OWNER\""));
		assertThat(header(reinvited, "ce_type")).isEqualTo(StaffInvited.TYPE);
	}

	@Test
	void lastActiveOwnerCannotBeRemoved() {
		// given: an invited owner does not count until they have signed in
		SignUp workspace = signedUp();
		String owner = ownerToken(workspace);
		assertThat(invite(owner, uniqueEmail(), "Kim Ortiz", "OWNER")).hasStatus(201);

		// when
		MvcTestResult result = remove(owner, workspace.owner().getId());

		// then
		assertProblem(result, ProblemType.CONFLICT);
		assertThat(read(get(owner, "/api/staff/" + workspace.owner().getId())).get("status").asString())
			.isEqualTo("ACTIVE");
	}

	@Test
	void oneOfTwoActiveOwnersCanBeRemovedButNotTheOther() {
		// given
		SignUp workspace = signedUp();
		UUID wid = workspaceId(workspace);
		StaffMember second = TenantScope.runAs(wid,
				() -> members.saveAndFlush(StaffMember.owner(wid, uniqueEmail(), "Second Owner", workspace.owner().getInvitedAt())));
		String owner = ownerToken(workspace);

		// when
		MvcTestResult first = remove(owner, workspace.owner().getId());
		MvcTestResult last = remove(owner, second.getId());

		// then
		assertThat(first).hasStatus(204);
		assertProblem(last, ProblemType.CONFLICT);
	}

	@Test
	void anotherWorkspacesStaffAreNotFound() {
		// given
		SignUp mine = signedUp();
		SignUp theirs = signedUp();
		String owner = ownerToken(mine);
		UUID theirOwner = theirs.owner().getId();

		// then
		assertProblem(get(owner, "/api/staff/" + theirOwner), ProblemType.NOT_FOUND);
		assertProblem(remove(owner, theirOwner), ProblemType.NOT_FOUND);
		assertProblem(remove(tokens.adminOf(workspaceId(mine)), theirOwner), ProblemType.NOT_FOUND);
		assertThat(read(get(owner, "/api/staff")).values()).extracting(member -> member.get("id").asString())
			.containsExactly(mine.owner().getId().toString());
		assertThat(read(get(tokens.staff(UUID.randomUUID(), "owner"), "/api/staff")).values()).isEmpty();
		assertThat(read(get(ownerToken(theirs), "/api/staff/" + theirOwner)).get("status").asString())
			.isEqualTo("ACTIVE");
	}

	@Test
	void workspaceWithoutStaffListsNone() {
		UUID workspace = registry.create("Quiet Co " + UUID.randomUUID(), ZoneId.of("UTC"), Currency.getInstance("EUR"))
			.getId();

		MvcTestResult result = get(tokens.adminOf(workspace), "/api/staff");

		assertThat(result).hasStatusOk();
		assertThat(read(result).values()).isEmpty();
	}

	@Test
	void portalClientsAndServicesWithoutAWorkspaceAreForbidden() {
		SignUp workspace = signedUp();
		UUID wid = workspaceId(workspace);

		for (String token : new String[] { tokens.portalClient(wid, UUID.randomUUID()), tokens.automation(),
				tokens.admin() }) {
			assertProblem(get(token, "/api/staff"), ProblemType.FORBIDDEN);
			assertProblem(invite(token, uniqueEmail(), "Sam Lee", "STAFF"), ProblemType.FORBIDDEN);
			assertProblem(remove(token, workspace.owner().getId()), ProblemType.FORBIDDEN);
		}
	}

	@Test
	void requestsWithoutATokenAreUnauthorized() {
		assertProblem(mvc.get().uri("/api/staff").exchange(), ProblemType.UNAUTHORIZED);
		assertProblem(mvc.post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON).content("{}").exchange(),
				ProblemType.UNAUTHORIZED);
		assertProblem(mvc.delete().uri("/api/staff/{id}", UUID.randomUUID()).exchange(), ProblemType.UNAUTHORIZED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sam@example.com\r\nBcc: victim@example.com", "sam@example.com%0D%0Abcc:x@example.com",
			"sam@example.com, kim@example.com", "sam@example.com;kim@example.com", "Sam Lee <sam@example.com>",
			"sam@example.com kim@example.com", "sam@@example.com", "sam", "sam@localhost" })
	void emailThatIsNotOnePlainAddressIsRefused(String email) {
		SignUp workspace = signedUp();

		MvcTestResult result = invite(ownerToken(workspace), email, "Sam Lee", "STAFF");

		assertProblem(result, ProblemType.VALIDATION_FAILED);
		assertThat(fieldErrors(result)).containsExactly("email");
	}

	@Test
	void invalidInvitationFieldsAreProblemsNamingThem() {
		String owner = ownerToken(signedUp());

		MvcTestResult unknownRole = invite(owner, uniqueEmail(), "Sam Lee", "ADMIN");
		MvcTestResult missing = invite(owner, "{}");
		MvcTestResult twoLineName = invite(owner, uniqueEmail(), "Sam\nLee", "STAFF");

		assertProblem(unknownRole, ProblemType.VALIDATION_FAILED);
		assertThat(fieldErrors(unknownRole)).containsExactly("role");
		assertThat(fieldErrors(missing)).containsExactlyInAnyOrder("email", "name", "role");
		assertThat(fieldErrors(twoLineName)).containsExactly("name");
	}

	private SignUp signedUp() {
		return signUps.signUp("Harbor Tiling " + UUID.randomUUID(), ZoneId.of("America/Denver"),
				Currency.getInstance("USD"), uniqueEmail(), "Dana Reyes");
	}

	private String ownerToken(SignUp workspace) {
		return tokens.staff(workspaceId(workspace), "owner");
	}

	private static UUID workspaceId(SignUp workspace) {
		return workspace.workspace().getId();
	}

	private static String uniqueEmail() {
		return "staff-" + UUID.randomUUID() + "@example.com";
	}

	private MvcTestResult invite(String token, String email, String name, String role) {
		return invite(token, JSON.writeValueAsString(Map.of("email", email, "name", name, "role", role)));
	}

	private MvcTestResult invite(String token, String json) {
		return mvc.post()
			.uri("/api/staff")
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult get(String token, String path) {
		return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
	}

	private MvcTestResult remove(String token, UUID id) {
		return mvc.delete().uri("/api/staff/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
	}
}
