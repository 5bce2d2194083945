package com.coastline.identity.signin;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The AEAD keys shared with notification-service (SECURITY.md, "Secrets in messages"): codes leave this
 * service only sealed with the current key. Rotation: give notification the new key first, then switch
 * {@code current-key-id} here, and drop the old key from both once {@code notification.commands} has
 * expired it.
 *
 * @param currentKeyId the key that seals
 * @param keys key id → 256-bit key, base64
 */
@Validated
@ConfigurationProperties("coastline.secrets.sealing")
public record SealingProperties(@NotBlank String currentKeyId, @NotEmpty Map<String, @NotBlank String> keys) {

	@Override
	public String toString() {
		return "SealingProperties[currentKeyId=" + this.currentKeyId + ", keys=" + this.keys.keySet() + "]";
	}
}
