package com.coastline.portal.signin;

import java.util.List;

import com.coastline.platform.web.client.HttpClientDefaultsProperties;
import com.coastline.portal.config.PagesProperties;
import com.coastline.portal.config.PortalProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The client for identity-service's internal sign-in APIs: Spring Security's OAuth2 client obtains and caches
 * the {@code portal-gateway} client-credentials token (scope {@code gateway}, renewed shortly before it
 * expires) and puts it on every call. Both the calls and the token request have platform-web's connect and
 * read timeouts.
 */
@Configuration(proxyBeanMethods = false)
class IdentityGatewayConfiguration {

	static final String CLIENT = "identityGatewayRestClient";

	static final String SCOPE = "gateway";

	private static final String REGISTRATION = "identity-gateway";

	/** The token is the gateway's own, whoever's request is being served. */
	private static final Authentication GATEWAY = new AnonymousAuthenticationToken("portal-gateway", "portal-gateway",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	@Bean(CLIENT)
	RestClient identityGatewayRestClient(RestClient.Builder builder, PortalProperties portal, PagesProperties pages,
			HttpClientDefaultsProperties timeouts) {
		String identityUrl = portal.identityUrl().toString();
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(pages.gateway().clientId())
			.clientSecret(pages.gateway().clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(SCOPE)
			.tokenUri(identityUrl + "/oauth2/token")
			.build();
		var registrations = new InMemoryClientRegistrationRepository(registration);
		var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
				new InMemoryOAuth2AuthorizedClientService(registrations));
		var provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(tokenResponseClient(timeouts));
		manager.setAuthorizedClientProvider(provider);
		var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver((request) -> REGISTRATION);
		interceptor.setPrincipalResolver((request) -> GATEWAY);
		return builder.clone().baseUrl(identityUrl).requestInterceptor(interceptor).build();
	}

	/** The token request, with platform-web's timeouts (Spring Security's default client has none). */
	private static RestClientClientCredentialsTokenResponseClient tokenResponseClient(HttpClientDefaultsProperties timeouts) {
		var requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(timeouts.connectTimeout());
		requestFactory.setReadTimeout(timeouts.readTimeout());
		var client = new RestClientClientCredentialsTokenResponseClient();
		client.setRestClient(RestClient.builder()
			.requestFactory(requestFactory)
			.messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		return client;
	}
}
