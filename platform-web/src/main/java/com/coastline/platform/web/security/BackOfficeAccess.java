package com.coastline.platform.web.security;

import java.util.function.Supplier;

import com.coastline.platform.web.tenant.Tenant;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call the back-office APIs: a workspace's staff, or a service client with the {@code admin}
 * role acting for one workspace (the launcher's seeder, an operator's {@code curl}). Never a client:
 * clients read through the portal, which filters by contact. Finer rules (owner-only actions) stay with
 * the service.
 */
public final class BackOfficeAccess implements AuthorizationManager<RequestAuthorizationContext> {

	public static final String ADMIN_ROLE = "admin";

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(authentication.get() != null
				&& authentication.get().getPrincipal() instanceof Jwt jwt && allowed(Tenant.from(jwt)));
	}

	public static boolean allowed(Tenant tenant) {
		if (!tenant.hasWorkspace()) {
			return false;
		}
		return switch (tenant.kind()) {
			case STAFF -> true;
			case SERVICE -> tenant.hasRole(ADMIN_ROLE);
			case CLIENT -> false;
		};
	}
}
