package com.coastline.platform.web.security;

import java.util.function.Supplier;

import com.coastline.platform.web.tenant.PrincipalKind;
import com.coastline.platform.web.tenant.Tenant;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call the portal APIs: a portal client (a contact of one workspace, behind the portal gateway),
 * nobody else. What the contact may see there (their own projects only) is each service's query, through
 * {@code CurrentTenant}'s contact id.
 */
public final class PortalAccess implements AuthorizationManager<RequestAuthorizationContext> {

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(authentication.get() != null
				&& authentication.get().getPrincipal() instanceof Jwt jwt && allowed(Tenant.from(jwt)));
	}

	public static boolean allowed(Tenant tenant) {
		return tenant.kind() == PrincipalKind.CLIENT && tenant.hasWorkspace() && tenant.contactId() != null;
	}
}
