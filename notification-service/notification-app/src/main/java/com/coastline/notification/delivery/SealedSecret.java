package com.coastline.notification.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import com.coastline.notification.api.SendEmail;

/**
 * A secret of a delivery as stored: exactly as its command carried it, encrypted for notification-service
 * and bound to that command and this name. Never the value.
 *
 * @param name how the content refers to it ({@code {{secret:name}}})
 * @param keyId the shared key that encrypted it
 * @param ciphertext the AEAD ciphertext, base64url
 */
@Embeddable
record SealedSecret(@Column(name = "name", nullable = false) String name,
		@Column(name = "key_id", nullable = false) String keyId,
		@Column(name = "ciphertext", nullable = false) String ciphertext) {

	static SealedSecret of(SendEmail.EncryptedSecret secret) {
		return new SealedSecret(secret.name(), secret.keyId(), secret.ciphertext());
	}

	SendEmail.EncryptedSecret encrypted() {
		return new SendEmail.EncryptedSecret(name, keyId, ciphertext);
	}

	@Override
	public String toString() {
		return "SealedSecret[" + name + ", key " + keyId + "]";
	}
}
