package com.coastline.notification.config;

import com.coastline.notification.api.SecretSealer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealer that opens the secrets of {@code SendEmail} commands; a key that is not 256 bits stops the start. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

	@Bean
	SecretSealer secretSealer(SealingProperties properties) {
		String current = properties.currentKeyId() == null || properties.currentKeyId().isBlank() ? null
				: properties.currentKeyId();
		return SecretSealer.of(current, properties.keys());
	}
}
