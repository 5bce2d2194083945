package com.coastline.automation.link;

import com.coastline.platform.web.client.HttpClientDefaultsProperties;
import com.coastline.platform.web.client.ServiceClients;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The client for identity-service: this service's own client-credentials token (scope
 * {@value #LINKS_SCOPE}), obtained, cached and renewed by Spring Security's OAuth2 client (platform-web's
 * {@link ServiceClients}), on every call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityClientProperties.class)
class IdentityClientConfiguration {

	static final String CLIENT = "identityRestClient";

	static final String LINKS_SCOPE = "portal-links:write";

	@Bean(CLIENT)
	RestClient identityRestClient(RestClient.Builder builder, IdentityClientProperties properties,
			HttpClientDefaultsProperties timeouts) {
		return ServiceClients.restClient(builder, properties.url(), properties.url() + "/oauth2/token",
				properties.clientId(), properties.clientSecret(), LINKS_SCOPE, timeouts);
	}
}
