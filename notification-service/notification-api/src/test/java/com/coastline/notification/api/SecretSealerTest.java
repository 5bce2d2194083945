package com.coastline.notification.api;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSealerTest {

	private static final String K1 = SecretSealer.generateKey();

	private static final String K2 = SecretSealer.generateKey();

	private final UUID command = UUID.randomUUID();

	@Test
	void whatIsSealedOpensForTheSameCommandAndName() {
		SecretSealer sealer = SecretSealer.of("k1", Map.of("k1", K1));
		SendEmail.EncryptedSecret sealed = sealer.seal(this.command, "code", "123456");
		assertThat(sealed.keyId()).isEqualTo("k1");
		assertThat(sealed.ciphertext()).doesNotContain("123456");
		assertThat(sealer.open(this.command, sealed)).isEqualTo("123456");
		assertThat(sealer.seal(this.command, "code", "123456").ciphertext()).isNotEqualTo(sealed.ciphertext());
	}

	@Test
	void anOlderKeyStillOpensAfterRotation() {
		SendEmail.EncryptedSecret old = SecretSealer.of("k1", Map.of("k1", K1)).seal(this.command, "code", "654321");
		SecretSealer rotated = SecretSealer.of("k2", Map.of("k1", K1, "k2", K2));
		assertThat(rotated.open(this.command, old)).isEqualTo("654321");
		assertThat(rotated.seal(this.command, "code", "1").keyId()).isEqualTo("k2");
	}

	@Test
	void aMovedTamperedOrForeignSecretDoesNotOpen() {
		SecretSealer sealer = SecretSealer.of("k1", Map.of("k1", K1));
		SendEmail.EncryptedSecret sealed = sealer.seal(this.command, "code", "123456");
		assertThatThrownBy(() -> sealer.open(UUID.randomUUID(), sealed))
			.isInstanceOf(SecretSealer.UnreadableSecretException.class);
		assertThatThrownBy(() -> sealer.open(this.command, new SendEmail.EncryptedSecret("link", "k1", sealed.ciphertext())))
			.isInstanceOf(SecretSealer.UnreadableSecretException.class);
		char[] chars = sealed.ciphertext().toCharArray();
		chars[20] = (chars[20] == 'A') ? 'B' : 'A';
		assertThatThrownBy(() -> sealer.open(this.command, new SendEmail.EncryptedSecret("code", "k1", new String(chars))))
			.isInstanceOf(SecretSealer.UnreadableSecretException.class);
		assertThatThrownBy(() -> SecretSealer.of("k2", Map.of("k2", K2)).open(this.command, sealed))
			.isInstanceOf(SecretSealer.UnreadableSecretException.class)
			.hasMessageNotContaining(K1);
		assertThatThrownBy(() -> sealer.open(this.command, new SendEmail.EncryptedSecret("code", "k1", "!!")))
			.isInstanceOf(SecretSealer.UnreadableSecretException.class);
	}

	@Test
	void keysMustBe256BitsAndTheCurrentOneMustExist() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretSealer.of("k1", Map.of("k1", "c2hvcnQ")));
		assertThatIllegalArgumentException().isThrownBy(() -> SecretSealer.of("k9", Map.of("k1", K1)));
	}
}
