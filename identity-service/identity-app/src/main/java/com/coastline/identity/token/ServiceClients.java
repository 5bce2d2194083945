package com.coastline.identity.token;

import java.time.Duration;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The configured clients as Spring Authorization Server's registered clients. */
public final class ServiceClients {

	/** Short, since a client asks again whenever it needs to; a leaked token is soon worthless. */
	public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);

	private ServiceClients() {
	}

	/**
	 * Registers each client for the client-credentials grant only, with its secret hashed by the
	 * encoder: only the hash is kept, so neither a heap dump of the registry nor a log of it shows a
	 * secret.
	 */
	public static RegisteredClientRepository of(List<TokenIssuerProperties.Client> clients, PasswordEncoder encoder) {
		TokenSettings tokens = TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
			.build();
		return new InMemoryRegisteredClientRepository(clients.stream()
			.map(client -> RegisteredClient.withId(client.id())
				.clientId(client.id())
				.clientSecret(encoder.encode(client.secret()))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(scopes -> scopes.addAll(client.scopes()))
				.tokenSettings(tokens)
				.build())
			.toList());
	}
}
