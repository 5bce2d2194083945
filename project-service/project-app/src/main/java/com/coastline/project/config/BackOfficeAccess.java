package com.coastline.project.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Who may use the back-office APIs ({@code /api/**}): a workspace's staff, or a service acting for a
 * workspace with the {@code admin} role (the launcher seeding demo data). Clients never: they read
 * through the portal, which filters by contact. Answers 403 otherwise (the token itself was checked
 * by the resource server: none, or an invalid one, is 401 before this runs).
 */
class BackOfficeAccess implements HandlerInterceptor {

	static final String SERVICE_ROLE = "admin";

	private final CurrentTenant currentTenant;

	BackOfficeAccess(CurrentTenant currentTenant) {
		this.currentTenant = currentTenant;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Tenant tenant = this.currentTenant.get();
		if (!allowed(tenant)) {
			throw new AccessDeniedException("Back-office APIs need a staff token, or an admin service token, of a workspace");
		}
		return true;
	}

	static boolean allowed(Tenant tenant) {
		if (!tenant.hasWorkspace()) {
			return false;
		}
		return switch (tenant.kind()) {
			case STAFF -> true;
			case SERVICE -> tenant.hasRole(SERVICE_ROLE);
			case CLIENT -> false;
		};
	}
}
