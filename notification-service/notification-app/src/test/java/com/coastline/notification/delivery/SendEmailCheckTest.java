package com.coastline.notification.delivery;

import java.util.List;
import java.util.UUID;

import com.coastline.notification.api.SendEmail;
import com.coastline.notification.support.Commands;
import com.coastline.platform.messaging.PoisonMessageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendEmailCheckTest {

	private final SendEmail valid = Commands.sendEmail(UUID.randomUUID());

	@Test
	void validCommandPasses() {
		assertThatCode(() -> SendEmailCheck.check(valid)).doesNotThrowAnyException();
		assertThatCode(() -> SendEmailCheck.check(Commands.to(valid, "dana.o'neil+quotes@sub.example.co.uk")))
			.doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-address", "", "dana@", "@example.com", "dana@@example.com",
			"Dana <dana@example.com>", "dana@example.com, eve@example.com", "dana@example.com;eve@example.com",
			"dana@example.com\r\nBcc: eve@example.com", "dana @example.com", "dana@exa mple.com" })
	void invalidRecipientIsPoisonAndNotNamed(String recipient) {
		assertThatThrownBy(() -> SendEmailCheck.check(Commands.to(valid, recipient)))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("recipient")
			.satisfies(ex -> org.assertj.core.api.Assertions.assertThat(ex.getMessage()).doesNotContain("eve@"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "Hi\r\nBcc: eve@example.com", "Hi\nthere", "Hi\u0000" })
	void blankSubjectOrHeaderInjectionIsPoison(String subject) {
		assertThatThrownBy(() -> SendEmailCheck.check(Commands.withSubject(valid, subject)))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("subject");
	}

	@Test
	void headerInjectionInTheRecipientNameIsPoison() {
		SendEmail command = new SendEmail(valid.commandId(), valid.idempotencyKey(), valid.workspaceId(),
				new SendEmail.Recipient("dana@example.com", "Dana\r\nBcc: eve@example.com"), valid.kind(), valid.subject(),
				valid.text(), valid.html(), valid.secrets(), valid.correlation(), valid.requestedAt());

		assertThatThrownBy(() -> SendEmailCheck.check(command)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("recipient name");
	}

	@Test
	void commandWithoutWorkspaceIsPoison() {
		SendEmail command = new SendEmail(valid.commandId(), valid.idempotencyKey(), new UUID(0, 0), valid.recipient(),
				valid.kind(), valid.subject(), valid.text(), valid.html(), valid.secrets(), valid.correlation(),
				valid.requestedAt());

		assertThatThrownBy(() -> SendEmailCheck.check(command)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("workspace");
	}

	@Test
	void secretThatCannotBeDecryptedIsPoison() {
		SendEmail withSecret = new SendEmail(valid.commandId(), valid.idempotencyKey(), valid.workspaceId(),
				valid.recipient(), valid.kind(), "Your code", "Your code is {{secret:code}}", null,
				List.of(new SendEmail.EncryptedSecret("code", "k1", "c2VjcmV0")), valid.correlation(), valid.requestedAt());
		SendEmail referencingMissingSecret = new SendEmail(valid.commandId(), valid.idempotencyKey(),
				valid.workspaceId(), valid.recipient(), valid.kind(), "Your link", "Open {{ secret:link }}", null, List.of(),
				valid.correlation(), valid.requestedAt());

		assertThatThrownBy(() -> SendEmailCheck.check(withSecret)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("secret 'code'")
			.hasMessageNotContaining("c2VjcmV0");
		assertThatThrownBy(() -> SendEmailCheck.check(referencingMissingSecret)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("secret 'link'");
	}
}
