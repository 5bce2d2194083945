package com.coastline.platform.web.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses tokens whose tenant claims are malformed, so that {@link Tenant#from} never guesses:
 * {@code sub} present; {@code kind} one of client/staff/service; {@code wid}, when present, a UUID
 * that is neither nil nor the root id; a client's {@code cid} a UUID; {@code roles} a list.
 */
public final class TenantClaimsValidator implements OAuth2TokenValidator<Jwt> {

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		List<OAuth2Error> errors = new ArrayList<>();
		if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
			errors.add(invalid("The sub claim is missing"));
		}
		Object kindClaim = jwt.getClaim(Tenant.KIND_CLAIM);
		PrincipalKind kind = (kindClaim instanceof String value) ? PrincipalKind.fromClaim(value).orElse(null) : null;
		if (kind == null) {
			errors.add(invalid("The kind claim is missing or unknown"));
		}
		if (jwt.hasClaim(Tenant.WORKSPACE_CLAIM)) {
			UUID workspace = uuid(jwt.getClaim(Tenant.WORKSPACE_CLAIM));
			if (workspace == null || Tenant.NO_WORKSPACE.equals(workspace) || Tenant.ROOT.equals(workspace)) {
				errors.add(invalid("The wid claim is not a workspace id"));
			}
		}
		if (kind == PrincipalKind.CLIENT && uuid(jwt.getClaim(Tenant.CONTACT_CLAIM)) == null) {
			errors.add(invalid("A client token needs a cid claim"));
		}
		if (jwt.hasClaim(Tenant.ROLES_CLAIM) && !(jwt.getClaim(Tenant.ROLES_CLAIM) instanceof Collection<?>)) {
			errors.add(invalid("The roles claim is not a list"));
		}
		return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
	}

	private static UUID uuid(Object claim) {
		if (!(claim instanceof String value)) {
			return null;
		}
		try {
			UUID uuid = UUID.fromString(value);
			// UUID.fromString accepts abbreviated forms ("1-1-1-1-1"); only the canonical one is valid.
			return uuid.toString().equalsIgnoreCase(value) ? uuid : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static OAuth2Error invalid(String description) {
		return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
	}
}
