package com.coastline.notification.delivery.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.config.SealingProperties;
import com.coastline.notification.delivery.UndeliverableAddresses;
import com.coastline.notification.support.Commands;
import com.coastline.notification.support.Mailbox;
import com.coastline.notification.support.NotificationServiceTest;
import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Undeliverable addresses as the back office sees them (the marking itself, by a real 550, is in
 * {@code SmtpFaultsTest}): an email to a marked address fails at once and says so in the delivery
 * history, the mark is listed masked, cleared by staff of its workspace only, ignored once expired, and
 * cleared by a sign-in code that got through.
 */
@NotificationServiceTest
class UndeliverableAddressApiTest {

	private static final String PROBLEM = "tag:coastline.app,2026:problem:";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private final UUID workspace = UUID.randomUUID();

	private final String address = "lee-" + UUID.randomUUID() + "@example.com";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Mailbox mailbox = new Mailbox(SharedInfrastructure.smtp());

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UndeliverableAddresses undeliverable;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SealingProperties sealing;

	TopicRecords topics;

	Commands commands;

	@BeforeEach
	void setUp() {
		topics = new TopicRecords(bootstrapServers);
		commands = new Commands(topics);
	}

	@Test
	void emailToAMarkedAddressFailsAtOnceAndTheHistoryShowsWhyUntilStaffClearIt() throws Exception {
		mark(workspace, address, Instant.now());
		String staff = TestTokens.staff(workspace).bearer();
		SendEmail first = Commands.to(Commands.sendEmail(workspace), address);

		commands.send(first);

		EmailFailed failed = json.readValue(awaitEvent(first, NotificationTopics.EMAIL_FAILED).value(), EmailFailed.class);
		assertThat(failed.reason()).isEqualTo("undeliverable");
		assertThat(mailbox.to(address)).isEmpty();
		MvcTestResult history = get("/api/deliveries?contactId=" + first.correlation().contactId(), staff);
		assertThat(history).hasStatusOk();
		String body = history.getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(body, "$[0].status")).isEqualTo("FAILED");
		assertThat(JsonPath.<String>read(body, "$[0].lastError")).isEqualTo("undeliverable");
		assertThat(Instant.parse(JsonPath.<String>read(body, "$[0].recipientUndeliverableUntil")))
			.isAfter(Instant.now().plus(Duration.ofDays(6)));

		MvcTestResult marks = get("/api/undeliverable-addresses", staff);
		assertThat(marks).hasStatusOk();
		String listed = marks.getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(listed, "$.length()")).isEqualTo(1);
		assertThat(JsonPath.<String>read(listed, "$[0].address")).isEqualTo("l***@example.com");
		assertThat(JsonPath.<String>read(listed, "$[0].reason")).contains("550").contains("l***@example.com");
		assertThat(listed).doesNotContain(address);
		assertThat(clear(address.toUpperCase(Locale.ROOT), staff)).hasStatus(204);
		assertThat(clear(address, staff)).hasStatus(404);
		SendEmail second = Commands.to(Commands.sendEmail(workspace), address);
		commands.send(second);
		awaitEvent(second, NotificationTopics.EMAIL_SENT);
		assertThat(mailbox.to(address)).hasSize(1);
		assertThat(get("/api/undeliverable-addresses", staff)).hasStatusOk().bodyJson().isEqualTo("[]");
	}

	@Test
	void anotherWorkspaceNeitherSeesNorClearsTheMarkAndItsEmailsGoOut() throws Exception {
		mark(workspace, address, Instant.now());
		UUID other = UUID.randomUUID();
		String otherStaff = TestTokens.staff(other).bearer();

		assertThat(get("/api/undeliverable-addresses", otherStaff)).hasStatusOk().bodyJson().isEqualTo("[]");
		MvcTestResult cleared = clear(address, otherStaff);
		assertThat(cleared).hasStatus(404);
		assertThat(type(cleared)).isEqualTo(PROBLEM + "not-found");
		assertThat(cleared.getResponse().getContentAsString()).doesNotContain(address);
		assertThat(undeliverable.find(workspace, address, Instant.now())).isPresent();

		SendEmail theirs = Commands.to(Commands.sendEmail(other), address);
		commands.send(theirs);
		awaitEvent(theirs, NotificationTopics.EMAIL_SENT);
		assertThat(mailbox.to(address)).hasSize(1);
	}

	@Test
	void anExpiredMarkNoLongerStopsEmails() {
		mark(workspace, address, Instant.now().minus(Duration.ofDays(8)));
		SendEmail command = Commands.to(Commands.sendEmail(workspace), address);

		commands.send(command);

		awaitEvent(command, NotificationTopics.EMAIL_SENT);
		assertThat(mailbox.to(address)).hasSize(1);
	}

	@Test
	void aSignInCodeStillGoesToAMarkedAddressAndClearsTheMark() {
		mark(workspace, address, Instant.now());
		SendEmail code = Commands.to(Commands.signInCode(workspace, SecretSealer.of(sealing.currentKeyId(), sealing.keys()),
				"482913"), address);

		commands.send(code);

		awaitEvent(code, NotificationTopics.EMAIL_SENT);
		assertThat(mailbox.to(address)).singleElement()
			.satisfies(email -> assertThat(email.subject()).startsWith("482913 is your sign-in code"));
		await().atMost(EVENTUALLY).until(() -> undeliverable.find(workspace, address, Instant.now()).isEmpty());
	}

	@Test
	void malformedAddressOrLimitIsABadRequestAndAClientIsForbidden() throws Exception {
		String staff = TestTokens.staff(workspace).bearer();

		MvcTestResult malformed = clear("not-an-address", staff);
		MvcTestResult noBody = mvc.post()
			.uri("/api/undeliverable-addresses/clear")
			.header(HttpHeaders.AUTHORIZATION, staff)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();
		MvcTestResult badLimit = get("/api/undeliverable-addresses?limit=0", staff);
		MvcTestResult client = clear(address, TestTokens.client(workspace, UUID.randomUUID()).bearer());

		assertThat(malformed).hasStatus(400);
		assertThat(type(malformed)).isEqualTo(PROBLEM + "bad-request");
		assertThat(noBody).hasStatus(400);
		assertThat(badLimit).hasStatus(400);
		assertThat(client).hasStatus(403);
	}

	/** As a 550 for the address would have marked it at {@code at}. */
	private void mark(UUID workspace, String address, Instant at) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> undeliverable.mark(workspace, address,
				"Recipient rejected: 550 5.1.1 <" + address + ">: User unknown", UUID.randomUUID(), at));
	}

	private ConsumerRecord<String, String> awaitEvent(SendEmail command, String type) {
		return topics.await(NotificationTopics.EVENTS,
				r -> command.idempotencyKey().equals(r.key()) && type.equals(header(r, "ce_type")));
	}

	private MvcTestResult get(String path, String bearer) {
		return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
	}

	/** Clears the address's mark, as the back office does. */
	private MvcTestResult clear(String email, String bearer) {
		return mvc.post()
			.uri("/api/undeliverable-addresses/clear")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\"}")
			.exchange();
	}

	private static String type(MvcTestResult result) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.type");
	}
}
