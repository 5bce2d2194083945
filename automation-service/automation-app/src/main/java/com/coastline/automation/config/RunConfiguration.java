package com.coastline.automation.config;

import com.coastline.automation.run.RunProperties;
import com.coastline.notification.api.SecretSealer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The run processor's settings and the sealer of the portal links its emails carry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RunProperties.class, SealingProperties.class })
class RunConfiguration {

	/** A key that is not 256 bits, or a current key id without its key, stops the start. */
	@Bean
	SecretSealer secretSealer(SealingProperties properties) {
		return SecretSealer.of(properties.currentKeyId(), properties.keys());
	}
}
