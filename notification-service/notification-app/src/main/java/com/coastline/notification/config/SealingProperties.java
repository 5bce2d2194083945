package com.coastline.notification.config;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that open the secrets of {@code SendEmail} commands ({@code coastline.secrets.sealing.*},
 * SECURITY.md "Secrets in messages"), shared with the services that seal them. Rotation: add the new key
 * here, switch the senders' current key id, and remove the old key once {@code notification.commands}
 * no longer holds commands sealed with it.
 *
 * @param currentKeyId the key the senders seal with; notification only opens, so it may be absent
 * @param keys key id → 256-bit AES key, base64 or base64url ({@code SecretSealer.generateKey()})
 */
@Validated
@ConfigurationProperties("coastline.secrets.sealing")
public record SealingProperties(String currentKeyId, @NotEmpty Map<@NotBlank String, @NotBlank String> keys) {

	@Override
	public String toString() {
		return "SealingProperties[currentKeyId=" + currentKeyId + ", keys=" + (keys == null ? null : keys.keySet()) + "]";
	}
}
