package com.coastline.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.support.Commands;
import com.coastline.platform.messaging.PoisonMessageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendEmailCheckTest {

	private static final String KEY = SecretSealer.generateKey();

	private static final SecretSealer SEALER = SecretSealer.of("k1", Map.of("k1", KEY));

	private final SendEmail valid = Commands.sendEmail(UUID.randomUUID());

	@Test
	void validCommandPasses() {
		assertThatCode(() -> SendEmailCheck.check(valid, SEALER)).doesNotThrowAnyException();
		assertThatCode(() -> SendEmailCheck.check(Commands.to(valid, "dana.o'neil+quotes@sub.example.co.uk"), SEALER))
			.doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-address", "", "dana@", "@example.com", "dana@@example.com",
			"Dana <dana@example.com>", "dana@example.com, eve@example.com", "dana@example.com;eve@example.com",
			"dana@example.com\r\nBcc: eve@example.com", "dana @example.com", "dana@exa mple.com" })
	void invalidRecipientIsPoisonAndNotNamed(String recipient) {
		assertThatThrownBy(() -> SendEmailCheck.check(Commands.to(valid, recipient), SEALER))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("recipient")
			.satisfies(ex -> org.assertj.core.api.Assertions.assertThat(ex.getMessage()).doesNotContain("eve@"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "Hi\r\nBcc: eve@example.com", "Hi\nthere", "Hi\u0000" })
	void blankSubjectOrHeaderInjectionIsPoison(String subject) {
		assertThatThrownBy(() -> SendEmailCheck.check(Commands.withSubject(valid, subject), SEALER))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("subject");
	}

	@Test
	void headerInjectionInTheRecipientNameIsPoison() {
		SendEmail command = new SendEmail(valid.commandId(), valid.idempotencyKey(), valid.workspaceId(),
				new SendEmail.Recipient("dana@example.com", "Dana\r\nBcc: eve@example.com"), valid.kind(), valid.subject(),
				valid.text(), valid.html(), valid.secrets(), valid.correlation(), valid.requestedAt());

		assertThatThrownBy(() -> SendEmailCheck.check(command, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("recipient name");
	}

	@Test
	void commandWithoutWorkspaceIsPoison() {
		SendEmail command = new SendEmail(valid.commandId(), valid.idempotencyKey(), new UUID(0, 0), valid.recipient(),
				valid.kind(), valid.subject(), valid.text(), valid.html(), valid.secrets(), valid.correlation(),
				valid.requestedAt());

		assertThatThrownBy(() -> SendEmailCheck.check(command, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("workspace");
	}

	@Test
	void commandWithSealedSecretsPasses() {
		SendEmail signInCode = Commands.signInCode(valid.workspaceId(), SEALER, "482913");

		assertThatCode(() -> SendEmailCheck.check(signInCode, SEALER)).doesNotThrowAnyException();
	}

	@Test
	void secretOfARetiredKeyPassesWhileTheKeyIsStillConfigured() {
		SecretSealer rotated = SecretSealer.of("k2", Map.of("k1", KEY, "k2", SecretSealer.generateKey()));
		SendEmail sealedWithOldKey = Commands.signInCode(valid.workspaceId(), SEALER, "482913");

		assertThatCode(() -> SendEmailCheck.check(sealedWithOldKey, rotated)).doesNotThrowAnyException();
	}

	@Test
	void secretSealedWithAnUnknownKeyIsPoison() {
		SecretSealer stranger = SecretSealer.of("k9", Map.of("k9", SecretSealer.generateKey()));
		SendEmail command = Commands.signInCode(valid.workspaceId(), stranger, "482913");

		assertThatThrownBy(() -> SendEmailCheck.check(command, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("Secret 'code'")
			.hasMessageContaining("unknown key 'k9'")
			.hasMessageNotContaining("482913")
			.hasMessageNotContaining(command.secrets().get(0).ciphertext());
	}

	@Test
	void secretSealedWithAnotherKeyUnderTheSameIdIsPoison() {
		SecretSealer impostor = SecretSealer.of("k1", Map.of("k1", SecretSealer.generateKey()));
		SendEmail command = Commands.signInCode(valid.workspaceId(), impostor, "482913");

		assertThatThrownBy(() -> SendEmailCheck.check(command, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("Secret 'code'")
			.hasMessageNotContaining("482913");
	}

	@Test
	void tamperedSecretIsPoison() {
		SendEmail command = Commands.signInCode(valid.workspaceId(), SEALER, "482913");
		SendEmail.EncryptedSecret sealed = command.secrets().get(0);
		String altered = Commands.tampered(sealed.ciphertext());
		SendEmail tampered = Commands.withSecrets(command,
				List.of(new SendEmail.EncryptedSecret("code", sealed.keyId(), altered)));

		assertThatThrownBy(() -> SendEmailCheck.check(tampered, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("Secret 'code'");
	}

	@Test
	void secretTakenFromAnotherCommandIsPoison() {
		SendEmail original = Commands.signInCode(valid.workspaceId(), SEALER, "482913");
		SendEmail other = Commands.signInCode(valid.workspaceId(), SEALER, "111111");
		SendEmail replayed = Commands.withSecrets(other, original.secrets());

		assertThatThrownBy(() -> SendEmailCheck.check(replayed, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("Secret 'code'");
	}

	@Test
	void secretMovedToAnotherNameIsPoison() {
		SendEmail command = Commands.signInCode(valid.workspaceId(), SEALER, "482913");
		SendEmail.EncryptedSecret sealed = command.secrets().get(0);
		SendEmail renamed = new SendEmail(command.commandId(), command.idempotencyKey(), command.workspaceId(),
				command.recipient(), command.kind(), "Your link", "Open {{secret:link}}", null,
				List.of(new SendEmail.EncryptedSecret("link", sealed.keyId(), sealed.ciphertext())), command.correlation(),
				command.requestedAt());

		assertThatThrownBy(() -> SendEmailCheck.check(renamed, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("Secret 'link'");
	}

	@Test
	void referenceWithoutItsSecretIsPoison() {
		SendEmail referencingMissingSecret = new SendEmail(valid.commandId(), valid.idempotencyKey(),
				valid.workspaceId(), valid.recipient(), valid.kind(), "Your link", "Open {{ secret:link }}", null, List.of(),
				valid.correlation(), valid.requestedAt());
		SendEmail referencingAnotherSecret = Commands.signInCode(valid.workspaceId(), SEALER, "482913");
		SendEmail inHtmlOnly = new SendEmail(referencingAnotherSecret.commandId(),
				referencingAnotherSecret.idempotencyKey(), referencingAnotherSecret.workspaceId(),
				referencingAnotherSecret.recipient(), referencingAnotherSecret.kind(), "{{secret:code}} is your code",
				"Your code is {{secret:code}}", "<a href=\"{{secret:link}}\">Open</a>", referencingAnotherSecret.secrets(),
				referencingAnotherSecret.correlation(), referencingAnotherSecret.requestedAt());

		assertThatThrownBy(() -> SendEmailCheck.check(referencingMissingSecret, SEALER))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("secret 'link'");
		assertThatThrownBy(() -> SendEmailCheck.check(inHtmlOnly, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("secret 'link'");
	}

	@Test
	void secretNamedTwiceIsPoison() {
		SendEmail command = Commands.signInCode(valid.workspaceId(), SEALER, "482913");
		SendEmail twice = Commands.withSecrets(command,
				List.of(command.secrets().get(0), SEALER.seal(command.commandId(), "code", "111111")));

		assertThatThrownBy(() -> SendEmailCheck.check(twice, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("secret 'code' twice");
	}

	@Test
	void secretValueThatCouldInjectAHeaderIsPoison() {
		SendEmail command = Commands.signInCode(valid.workspaceId(), SEALER, "482913");
		SendEmail injecting = Commands.withSecrets(command,
				List.of(SEALER.seal(command.commandId(), "code", "482913\r\nBcc: eve@example.com")));

		assertThatThrownBy(() -> SendEmailCheck.check(injecting, SEALER)).isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("secret 'code'")
			.hasMessageNotContaining("eve@");
	}
}
