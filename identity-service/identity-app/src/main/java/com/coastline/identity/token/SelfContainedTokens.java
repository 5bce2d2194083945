package com.coastline.identity.token;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued client-credentials tokens. They are self-contained JWTs that live five
 * minutes and are checked by signature; storing each one would only grow memory (Spring's in-memory
 * service never forgets) or a table, and would not be shared between replicas. Consequently the
 * introspection endpoint reports every token inactive and revocation has nothing to revoke:
 * callers validate against the JWKS instead.
 */
public final class SelfContainedTokens implements OAuth2AuthorizationService {

	@Override
	public void save(OAuth2Authorization authorization) {
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return null;
	}
}
