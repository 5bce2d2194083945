package com.coastline.identity.token;

import java.util.List;

import com.coastline.identity.key.KeyRing;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes client-credentials access tokens like every Coastline token, so that platform-web's
 * validation accepts them: ES256 signed by the current key, {@code aud} the platform's audience,
 * {@code kind=service}, {@code roles=[admin]} when the {@code admin} scope was granted, and
 * {@code wid} when an admin client asked for a workspace ({@link WorkspaceParameter} has checked it).
 */
public final class ServiceTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	public static final String ADMIN = "admin";

	private final KeyRing keyRing;

	private final String audience;

	public ServiceTokenClaims(KeyRing keyRing, String audience) {
		this.keyRing = keyRing;
		this.audience = audience;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		// Naming the key keeps signing unambiguous once the ring holds more than one key.
		context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(this.keyRing.current().keyId()).type("JWT");
		var claims = context.getClaims().audience(List.of(this.audience)).claim("kind", "service");
		if (context.getAuthorizedScopes().contains(ADMIN)) {
			claims.claim("roles", List.of(ADMIN));
		}
		if (context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant) {
			WorkspaceParameter.of(grant).ifPresent(workspace -> claims.claim("wid", workspace.toString()));
		}
	}
}
