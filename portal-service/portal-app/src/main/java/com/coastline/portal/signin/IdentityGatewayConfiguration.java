package com.coastline.portal.signin;

import com.coastline.platform.web.client.HttpClientDefaultsProperties;
import com.coastline.platform.web.client.ServiceClients;
import com.coastline.portal.config.PagesProperties;
import com.coastline.portal.config.PortalProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The client for identity-service's internal sign-in APIs: the {@code portal-gateway} client-credentials token
 * (scope {@code gateway}), obtained, cached and renewed by Spring Security's OAuth2 client (platform-web's
 * {@link ServiceClients}: the gateway's own token whoever's request is being served) on every call. Both the
 * calls and the token request have platform-web's connect and read timeouts.
 */
@Configuration(proxyBeanMethods = false)
class IdentityGatewayConfiguration {

	static final String CLIENT = "identityGatewayRestClient";

	static final String SCOPE = "gateway";

	@Bean(CLIENT)
	RestClient identityGatewayRestClient(RestClient.Builder builder, PortalProperties portal, PagesProperties pages,
			HttpClientDefaultsProperties timeouts) {
		String identityUrl = portal.identityUrl().toString();
		return ServiceClients.restClient(builder, identityUrl, identityUrl + "/oauth2/token", pages.gateway().clientId(),
				pages.gateway().clientSecret(), SCOPE, timeouts);
	}
}
