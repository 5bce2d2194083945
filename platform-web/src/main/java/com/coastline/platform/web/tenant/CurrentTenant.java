package com.coastline.platform.web.tenant;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The tenant of the current thread: the active {@link TenantScope}, else the verified bearer
 * token of the current request. Inject it wherever code needs the workspace or the principal;
 * tenant filtering of JPA queries uses it on its own.
 */
public class CurrentTenant {

	/** The tenant, if the thread runs a request with a verified token or a workspace scope. */
	public Optional<Tenant> find() {
		TenantScope.Scope scope = TenantScope.current();
		if (scope != null) {
			return Optional.ofNullable(scope.tenant());
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(Tenant.from(token.getToken()));
		}
		return Optional.empty();
	}

	/**
	 * The tenant; fails with 403 when there is none.
	 * @throws AccessDeniedException without a token or scope
	 */
	public Tenant get() {
		return find().orElseThrow(() -> new AccessDeniedException("No tenant"));
	}

	/**
	 * The workspace of the tenant, for work that needs one (creating rows, say).
	 * @throws AccessDeniedException when there is no tenant or the token names no workspace
	 */
	public UUID requireWorkspace() {
		Tenant tenant = get();
		if (!tenant.hasWorkspace()) {
			throw new AccessDeniedException("The token names no workspace");
		}
		return tenant.workspaceId();
	}

	/** Whether the thread runs {@link TenantScope#runAsRoot root} work. */
	public boolean isRoot() {
		TenantScope.Scope scope = TenantScope.current();
		return scope != null && scope.root();
	}

	/**
	 * The identifier tenant filtering uses: the workspace id; {@link Tenant#ROOT} for root work;
	 * {@link Tenant#NO_WORKSPACE} (which matches no row) when there is no tenant or no workspace.
	 */
	public UUID filterIdentifier() {
		if (isRoot()) {
			return Tenant.ROOT;
		}
		return find().map(Tenant::workspaceId).orElse(Tenant.NO_WORKSPACE);
	}
}
