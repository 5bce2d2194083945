package com.coastline.automation.config;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys this service seals the secrets of its {@code SendEmail} commands with (the portal link;
 * {@code coastline.secrets.sealing.*}, SECURITY.md "Secrets in messages"), shared with notification-service.
 * Rotation: give notification-service the new key first, then switch {@code current-key-id} here.
 *
 * @param currentKeyId the key new commands are sealed with
 * @param keys key id → 256-bit AES key, base64 or base64url ({@code SecretSealer.generateKey()})
 */
@Validated
@ConfigurationProperties("coastline.secrets.sealing")
public record SealingProperties(@NotBlank String currentKeyId, @NotEmpty Map<@NotBlank String, @NotBlank String> keys) {

	@Override
	public String toString() {
		return "SealingProperties[currentKeyId=" + currentKeyId + ", keys=" + (keys == null ? null : keys.keySet()) + "]";
	}
}
