package com.coastline.project.invoice.payment;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured {@link PaymentProvider} and the webhook verification both share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

	/** application.yml's default, for the local stack's test mode only. */
	static final String LOCAL_WEBHOOK_SECRET = "whsec_local_test_mode_only";

	@Bean
	StripeWebhooks stripeWebhooks(PaymentProperties properties, Clock clock) {
		return new StripeWebhooks(properties.stripe().webhookSecret(), properties.stripe().tolerance(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "coastline.payments.provider", havingValue = "stripe")
	PaymentProvider stripePaymentProvider(PaymentProperties properties) {
		// The local stack's secret is in the repository: with it, anyone could sign a "payment".
		if (LOCAL_WEBHOOK_SECRET.equals(properties.stripe().webhookSecret())) {
			throw new IllegalStateException("coastline.payments.provider=stripe needs the real webhook secret "
					+ "(STRIPE_WEBHOOK_SECRET), not the local stack's");
		}
		return new StripePaymentProvider(properties.stripe().apiKey(), properties.stripe().apiBase());
	}

	@Bean
	@ConditionalOnProperty(name = "coastline.payments.provider", havingValue = "test-mode", matchIfMissing = true)
	PaymentProvider testModePaymentProvider(PaymentProperties properties) {
		String apiKey = properties.stripe().apiKey();
		// A live key next to the test-mode provider means production was configured for test mode.
		if (apiKey != null && apiKey.startsWith("sk_live_")) {
			throw new IllegalStateException("coastline.payments.provider=test-mode with a live Stripe key: refusing to start");
		}
		return new TestModePaymentProvider(properties.testMode().checkoutBaseUrl());
	}
}
