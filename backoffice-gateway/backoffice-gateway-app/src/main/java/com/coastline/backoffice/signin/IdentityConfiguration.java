package com.coastline.backoffice.signin;

import com.coastline.backoffice.config.GatewayProperties;
import com.coastline.platform.web.client.HttpClientDefaultsProperties;
import com.coastline.platform.web.client.ServiceClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The clients for identity-service: its internal staff sign-in APIs with the {@code backoffice-gateway}
 * client-credentials token (scope {@code staff-gateway}, obtained, cached and renewed by platform-web's
 * {@link ServiceClients}), and its back-office API with the signed-in member's own staff JWT. Both have
 * platform-web's connect and read timeouts.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	static final String SIGN_IN_CLIENT = "identitySignInRestClient";

	static final String STAFF_CLIENT = "identityStaffRestClient";

	static final String SCOPE = "staff-gateway";

	@Bean(SIGN_IN_CLIENT)
	RestClient identitySignInRestClient(RestClient.Builder builder, GatewayProperties gateway,
			HttpClientDefaultsProperties timeouts) {
		String identityUrl = gateway.identityUrl().toString();
		return ServiceClients.restClient(builder, identityUrl, identityUrl + "/oauth2/token", gateway.client().clientId(),
				gateway.client().clientSecret(), SCOPE, timeouts);
	}

	@Bean(STAFF_CLIENT)
	RestClient identityStaffRestClient(RestClient.Builder builder, GatewayProperties gateway) {
		return builder.clone().baseUrl(gateway.identityUrl().toString()).build();
	}
}
