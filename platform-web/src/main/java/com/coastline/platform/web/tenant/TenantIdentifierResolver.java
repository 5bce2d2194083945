package com.coastline.platform.web.tenant;

import java.util.UUID;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Feeds Hibernate's {@code @TenantId} discriminator from {@link CurrentTenant}. A session without
 * a tenant, or for a token without a workspace, filters on the nil UUID and so sees nothing:
 * never every row. Only explicit {@link TenantScope#runAsRoot root} work turns the filter off.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

	private final CurrentTenant currentTenant;

	public TenantIdentifierResolver(CurrentTenant currentTenant) {
		this.currentTenant = currentTenant;
	}

	@Override
	public UUID resolveCurrentTenantIdentifier() {
		return this.currentTenant.filterIdentifier();
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		// Spring opens and binds sessions itself; Hibernate's "current session" is not used.
		return false;
	}

	@Override
	public boolean isRoot(UUID tenantId) {
		// Both must hold: a token can never produce the ROOT id (TenantClaimsValidator refuses it),
		// and the thread must be in an explicit root scope.
		return Tenant.ROOT.equals(tenantId) && this.currentTenant.isRoot();
	}
}
