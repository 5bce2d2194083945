package com.coastline.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;

class NotificationContractTest {

	private static final UUID WORKSPACE = UUID.randomUUID();

	private static final SendEmail.Correlation CORRELATION = new SendEmail.Correlation(UUID.randomUUID(),
			UUID.randomUUID(), null);

	@Test
	void sendEmailMatchesItsSchema() {
		assertConforms(new SendEmail(UUID.randomUUID(), "automation-run:1", WORKSPACE,
				new SendEmail.Recipient("dana@example.com", "Dana Reyes"), EmailKind.AUTOMATION, "Approved", "Hi",
				"<p>Hi</p>", List.of(new SendEmail.EncryptedSecret("link", "k1", "abc")), CORRELATION, Instant.now()),
				schema(NotificationTopics.SEND_EMAIL));
		assertThat(examples(schema(NotificationTopics.SEND_EMAIL), SendEmail.class))
			.extracting(SendEmail::kind).containsOnly(EmailKind.AUTOMATION);
	}

	@Test
	void deliveryEventsMatchTheirSchemas() {
		assertConforms(new EmailSent(UUID.randomUUID(), UUID.randomUUID(), "k", WORKSPACE, CORRELATION, 1,
				Instant.now()), schema(NotificationTopics.EMAIL_SENT));
		assertConforms(new EmailFailed(UUID.randomUUID(), UUID.randomUUID(), "k", WORKSPACE, CORRELATION, 8,
				"550 mailbox unavailable", Instant.now()), schema(NotificationTopics.EMAIL_FAILED));
		assertThat(examples(schema(NotificationTopics.EMAIL_SENT), EmailSent.class)).isNotEmpty();
		assertThat(examples(schema(NotificationTopics.EMAIL_FAILED), EmailFailed.class)).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { NotificationTopics.SEND_EMAIL, NotificationTopics.EMAIL_SENT, NotificationTopics.EMAIL_FAILED })
	void schemasChangeOnlyAdditively(String type) {
		assertAdditiveChangeOf("baseline/" + type + ".json", schema(type));
	}

	private static String schema(String type) {
		return "schemas/" + type + ".json";
	}
}
