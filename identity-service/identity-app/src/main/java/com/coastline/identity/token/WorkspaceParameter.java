package com.coastline.identity.token;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * The {@code workspace_id} parameter of a client-credentials token request: an admin client (one
 * granted the {@code admin} scope) may name an existing workspace, and its token then acts on that
 * workspace's back-office APIs ({@code wid}). Anything else that names one is an
 * {@code invalid_request}, before a token is made.
 */
public final class WorkspaceParameter implements Consumer<OAuth2ClientCredentialsAuthenticationContext> {

	public static final String NAME = "workspace_id";

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private final Predicate<UUID> workspaceExists;

	public WorkspaceParameter(Predicate<UUID> workspaceExists) {
		this.workspaceExists = workspaceExists;
	}

	@Override
	public void accept(OAuth2ClientCredentialsAuthenticationContext context) {
		OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
		if (!request.getAdditionalParameters().containsKey(NAME)) {
			return;
		}
		if (!request.getScopes().contains(ServiceTokenClaims.ADMIN)) {
			throw invalid(NAME + " may only be used by an admin client");
		}
		UUID workspace = of(request).orElseThrow(() -> invalid(NAME + " must be one workspace id"));
		if (!this.workspaceExists.test(workspace)) {
			throw invalid(NAME + " names no workspace");
		}
	}

	/** The workspace the request names, if it names exactly one in canonical UUID form. */
	static Optional<UUID> of(OAuth2ClientCredentialsAuthenticationToken request) {
		if (!(request.getAdditionalParameters().get(NAME) instanceof String value)) {
			return Optional.empty();
		}
		try {
			UUID workspace = UUID.fromString(value);
			// UUID.fromString also takes abbreviated forms that platform-web's validation refuses in wid.
			return workspace.toString().equalsIgnoreCase(value) ? Optional.of(workspace) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static OAuth2AuthenticationException invalid(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, ERROR_URI));
	}
}
