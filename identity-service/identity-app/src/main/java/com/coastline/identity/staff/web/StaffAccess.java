package com.coastline.identity.staff.web;

import com.coastline.identity.staff.StaffRole;
import com.coastline.platform.web.security.BackOfficeAccess;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.PrincipalKind;
import com.coastline.platform.web.tenant.Tenant;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with staff, decided from the verified token (identity's filter chain lets every
 * non-client token into {@code /api/**}; these are the finer rules). The roles in a staff token are
 * trusted for its short lifetime: a removed owner's token stops working when it expires.
 */
@Component
class StaffAccess {

	private final CurrentTenant currentTenant;

	StaffAccess(CurrentTenant currentTenant) {
		this.currentTenant = currentTenant;
	}

	/** Sign-up, until the back-office gateway opens it to the public: an admin client only. */
	void requireAdmin() {
		Tenant tenant = this.currentTenant.get();
		if (tenant.kind() != PrincipalKind.SERVICE || !tenant.hasRole(BackOfficeAccess.ADMIN_ROLE)) {
			throw new AccessDeniedException("Signing up needs an admin client");
		}
	}

	/** Reading the workspace's staff: its staff, or an admin client acting for it ({@code wid}). */
	void requireBackOffice() {
		if (!BackOfficeAccess.allowed(this.currentTenant.get())) {
			throw new AccessDeniedException("Only the workspace's staff see its staff");
		}
	}

	/** Inviting and removing: an owner of the workspace, or an admin client acting for it. */
	void requireOwner() {
		Tenant tenant = this.currentTenant.get();
		boolean owner = tenant.kind() == PrincipalKind.STAFF && tenant.hasRole(StaffRole.OWNER.claim());
		boolean admin = tenant.kind() == PrincipalKind.SERVICE && tenant.hasRole(BackOfficeAccess.ADMIN_ROLE);
		if (!BackOfficeAccess.allowed(tenant) || !(owner || admin)) {
			throw new AccessDeniedException("Only an owner of the workspace manages its staff");
		}
	}
}
