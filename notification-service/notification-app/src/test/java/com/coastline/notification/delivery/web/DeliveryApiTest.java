package com.coastline.notification.delivery.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.coastline.notification.api.SendEmail;
import com.coastline.notification.delivery.EmailRequests;
import com.coastline.notification.support.Commands;
import com.coastline.notification.support.NotificationServiceTest;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.tenant.TenantScope;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationServiceTest
class DeliveryApiTest {

	private static final String PROBLEM = "tag:coastline.app,2026:problem:";

	private final UUID workspace = UUID.randomUUID();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmailRequests requests;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	SendEmail command;

	UUID deliveryId;

	@BeforeEach
	void requestAnEmail() {
		command = Commands.sendEmail(workspace);
		TenantScope.runAs(workspace,
				() -> new TransactionTemplate(transactions).executeWithoutResult(status -> requests.request(command)));
		deliveryId = jdbc.queryForObject("select id from email_delivery where idempotency_key = ?", UUID.class,
				command.idempotencyKey());
	}

	@Test
	void staffReadsTheDeliveryWithoutItsContent() throws Exception {
		MvcTestResult result = get("/api/deliveries/" + deliveryId, TestTokens.staff(workspace).bearer());

		assertThat(result).hasStatusOk();
		String body = result.getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(body, "$.id")).isEqualTo(deliveryId.toString());
		assertThat(JsonPath.<String>read(body, "$.idempotencyKey")).isEqualTo(command.idempotencyKey());
		assertThat(JsonPath.<String>read(body, "$.kind")).isEqualTo("AUTOMATION");
		assertThat(JsonPath.<String>read(body, "$.status")).isIn("PENDING", "SENDING", "SENT");
		assertThat(JsonPath.<Integer>read(body, "$.attempts")).isBetween(0, 1);
		assertThat(JsonPath.<String>read(body, "$.recipient")).isEqualTo("d***@example.com");
		assertThat(JsonPath.<String>read(body, "$.requestedAt")).isNotBlank();
		assertThat(JsonPath.<String>read(body, "$.correlation.automationRunId"))
			.isEqualTo(command.correlation().automationRunId().toString());
		assertThat(body).doesNotContain(command.subject(), command.text(), command.recipient().email(), "Roof replacement");
	}

	@Test
	void staffFindsTheDeliveryByIdempotencyKey() throws Exception {
		MvcTestResult result = get("/api/deliveries?idempotencyKey=" + command.idempotencyKey(),
				TestTokens.staff(workspace).bearer());

		assertThat(result).hasStatusOk();
		String body = result.getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(body, "$.length()")).isEqualTo(1);
		assertThat(JsonPath.<String>read(body, "$[0].id")).isEqualTo(deliveryId.toString());
	}

	@Test
	void adminClientOfTheWorkspaceReadsTheDelivery() {
		String admin = TestTokens.service("operations").workspace(workspace).roles("admin").bearer();

		assertThat(get("/api/deliveries/" + deliveryId, admin)).hasStatusOk();
	}

	@Test
	void anotherWorkspaceDoesNotSeeTheDelivery() throws Exception {
		String otherStaff = TestTokens.staff(UUID.randomUUID()).bearer();

		MvcTestResult byId = get("/api/deliveries/" + deliveryId, otherStaff);
		MvcTestResult byKey = get("/api/deliveries?idempotencyKey=" + command.idempotencyKey(), otherStaff);

		assertThat(byId).hasStatus(404);
		assertThat(type(byId)).isEqualTo(PROBLEM + "not-found");
		assertThat(byKey).hasStatusOk().bodyJson().isEqualTo("[]");
	}

	@Test
	void requestWithoutATokenIsUnauthorized() throws Exception {
		MvcTestResult result = mvc.get().uri("/api/deliveries/" + deliveryId).exchange();

		assertThat(result).hasStatus(401);
		assertThat(type(result)).isEqualTo(PROBLEM + "unauthorized");
	}

	@Test
	void clientTokenIsForbidden() throws Exception {
		String client = TestTokens.client(workspace, UUID.randomUUID()).bearer();

		MvcTestResult byId = get("/api/deliveries/" + deliveryId, client);
		MvcTestResult byKey = get("/api/deliveries?idempotencyKey=" + command.idempotencyKey(), client);

		assertThat(byId).hasStatus(403);
		assertThat(type(byId)).isEqualTo(PROBLEM + "forbidden");
		assertThat(byKey).hasStatus(403);
	}

	@Test
	void tokenWithoutWorkspaceIsForbidden() {
		assertThat(get("/api/deliveries/" + deliveryId, TestTokens.staff(workspace).withoutWorkspace().bearer()))
			.hasStatus(403);
	}

	@Test
	void malformedIdOrMissingKeyIsABadRequest() throws Exception {
		String staff = TestTokens.staff(workspace).bearer();

		MvcTestResult malformed = get("/api/deliveries/not-a-uuid", staff);
		MvcTestResult missingKey = get("/api/deliveries", staff);

		assertThat(malformed).hasStatus(400);
		assertThat(type(malformed)).isEqualTo(PROBLEM + "bad-request");
		assertThat(missingKey).hasStatus(400);
	}

	@Test
	void historyPerContactAndPerProjectIsNewestFirstCappedAndMasked() throws Exception {
		UUID contact = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		Instant start = Instant.parse("2026-11-20T09:00:00Z");
		List<SendEmail> history = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			history.add(Commands.about(Commands.sendEmail(workspace), contact, project, start.plusSeconds(i)));
		}
		// Another contact of the same project, and the same contact in another project.
		SendEmail otherContact = Commands.about(Commands.sendEmail(workspace), UUID.randomUUID(), project, start.plusSeconds(10));
		SendEmail otherProject = Commands.about(Commands.sendEmail(workspace), contact, UUID.randomUUID(), start.plusSeconds(20));
		record(history.get(1), history.get(0), history.get(2), otherContact, otherProject);
		String staff = TestTokens.staff(workspace).bearer();

		MvcTestResult byContact = get("/api/deliveries?contactId=" + contact, staff);
		MvcTestResult byContactCapped = get("/api/deliveries?contactId=" + contact + "&limit=2", staff);
		MvcTestResult byProject = get("/api/deliveries?projectId=" + project, staff);

		assertThat(byContact).hasStatusOk();
		assertThat(keys(byContact)).containsExactly(otherProject.idempotencyKey(), history.get(2).idempotencyKey(),
				history.get(1).idempotencyKey(), history.get(0).idempotencyKey());
		assertThat(keys(byContactCapped)).containsExactly(otherProject.idempotencyKey(), history.get(2).idempotencyKey());
		assertThat(keys(byProject)).containsExactly(otherContact.idempotencyKey(), history.get(2).idempotencyKey(),
				history.get(1).idempotencyKey(), history.get(0).idempotencyKey());
		String body = byContact.getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(body, "$[*].recipient")).containsOnly("d***@example.com");
		assertThat(JsonPath.<String>read(body, "$[1].correlation.projectId")).isEqualTo(project.toString());
		for (SendEmail command : history) {
			assertThat(body).doesNotContain(command.subject(), command.recipient().email(), "Roof replacement");
		}
	}

	@Test
	void historyIsCappedAtFiftyByDefault() throws Exception {
		UUID contact = UUID.randomUUID();
		SendEmail[] many = new SendEmail[DeliveryController.DEFAULT_LIMIT + 1];
		for (int i = 0; i < many.length; i++) {
			many[i] = Commands.about(Commands.sendEmail(workspace), contact, null, Instant.now().plusSeconds(i));
		}
		record(many);

		MvcTestResult result = get("/api/deliveries?contactId=" + contact, TestTokens.staff(workspace).bearer());

		assertThat(keys(result)).hasSize(DeliveryController.DEFAULT_LIMIT)
			.first()
			.isEqualTo(many[many.length - 1].idempotencyKey());
		assertThat(keys(result)).doesNotContain(many[0].idempotencyKey());
	}

	@Test
	void anotherWorkspaceGetsAnEmptyHistoryForTheContactAndTheProject() {
		String otherStaff = TestTokens.staff(UUID.randomUUID()).bearer();

		assertThat(get("/api/deliveries?contactId=" + command.correlation().contactId(), otherStaff)).hasStatusOk()
			.bodyJson()
			.isEqualTo("[]");
		assertThat(get("/api/deliveries?projectId=" + command.correlation().projectId(), otherStaff)).hasStatusOk()
			.bodyJson()
			.isEqualTo("[]");
		assertThat(get("/api/deliveries?contactId=" + command.correlation().contactId(), TestTokens.staff(workspace).bearer()))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].id")
			.isEqualTo(deliveryId.toString());
	}

	@Test
	void badHistoryParametersAreBadRequests() throws Exception {
		String staff = TestTokens.staff(workspace).bearer();
		UUID contact = command.correlation().contactId();

		for (String query : List.of("contactId=not-a-uuid", "projectId=42", "contactId=" + contact + "&limit=0",
				"contactId=" + contact + "&limit=101", "contactId=" + contact + "&limit=many",
				"contactId=" + contact + "&projectId=" + command.correlation().projectId(), "limit=10")) {
			MvcTestResult result = get("/api/deliveries?" + query, staff);
			assertThat(result).as(query).hasStatus(400);
			assertThat(type(result)).as(query).isEqualTo(PROBLEM + "bad-request");
		}
		assertThat(get("/api/deliveries?contactId=" + contact + "&limit=100", staff)).hasStatusOk();
	}

	private void record(SendEmail... commands) {
		TenantScope.runAs(workspace, () -> new TransactionTemplate(transactions)
			.executeWithoutResult(status -> List.of(commands).forEach(requests::request)));
	}

	private static List<String> keys(MvcTestResult result) throws Exception {
		assertThat(result).hasStatusOk();
		return JsonPath.read(result.getResponse().getContentAsString(), "$[*].idempotencyKey");
	}

	private MvcTestResult get(String path, String bearer) {
		return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
	}

	private static String type(MvcTestResult result) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.type");
	}
}
