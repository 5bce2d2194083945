package com.coastline.platform.web.client;

import java.util.List;

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
 * A {@code RestClient} that calls another service as this service's own OAuth2 client (client credentials at
 * identity-service), for calls that are not made on behalf of the caller (an automation minting a link, the
 * portal gateway signing a client in). Spring Security's OAuth2 client obtains the token, caches it and renews
 * it shortly before it expires; the token request has platform-web's timeouts (Spring Security's default client
 * has none); the token is the service's own whoever's request is being served, never the caller's. Needs
 * {@code spring-security-oauth2-client} on the service's class path.
 */
public final class ServiceClients {

	private ServiceClients() {
	}

	/**
	 * @param builder Boot's builder (cloned: platform-web's timeouts apply to the calls)
	 * @param baseUrl the called service's base URL
	 * @param tokenUri identity-service's token endpoint
	 * @param clientId this service's client id
	 * @param clientSecret its secret
	 * @param scope the scope to ask for
	 * @param timeouts platform-web's timeouts, for the token request
	 */
	public static RestClient restClient(RestClient.Builder builder, String baseUrl, String tokenUri, String clientId,
			String clientSecret, String scope, HttpClientDefaultsProperties timeouts) {
		String registrationId = clientId;
		ClientRegistration registration = ClientRegistration.withRegistrationId(registrationId)
			.clientId(clientId)
			.clientSecret(clientSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(scope)
			.tokenUri(tokenUri)
			.build();
		var registrations = new InMemoryClientRegistrationRepository(registration);
		var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
				new InMemoryOAuth2AuthorizedClientService(registrations));
		var provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(tokenResponseClient(timeouts));
		manager.setAuthorizedClientProvider(provider);
		Authentication self = new AnonymousAuthenticationToken(clientId, clientId,
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver((request) -> registrationId);
		interceptor.setPrincipalResolver((request) -> self);
		return builder.clone().baseUrl(baseUrl).requestInterceptor(interceptor).build();
	}

	private static RestClientClientCredentialsTokenResponseClient tokenResponseClient(
			HttpClientDefaultsProperties timeouts) {
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
