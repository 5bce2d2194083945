package com.coastline.identity.signin;

import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.messaging.EventRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Email-code sign-in's sealer and the route of its code emails to notification-service. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	@Bean
	SecretSealer secretSealer(SealingProperties sealing) {
		return SecretSealer.of(sealing.currentKeyId(), sealing.keys());
	}

	/** Keyed by idempotency key like every SendEmail. */
	@Bean
	EventRoute<SendEmail> sendEmailRoute() {
		return EventRoute.of(SendEmail.class)
			.topic(NotificationTopics.COMMANDS)
			.type(NotificationTopics.SEND_EMAIL)
			.id(SendEmail::commandId)
			.key(SendEmail::idempotencyKey)
			.time(SendEmail::requestedAt)
			.build();
	}
}
