package com.coastline.platform.web.tenant;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The workspace and principal a piece of work runs for, taken only from a verified token (or, for
 * work without a request, from {@link TenantScope}).
 *
 * @param workspaceId the workspace ({@code wid}); {@link #NO_WORKSPACE} when the token names none,
 * so that tenant filtering matches no row
 * @param subject the {@code sub}: contact id, staff id or service client id
 * @param kind client, staff or service
 * @param contactId the contact a client acts as ({@code cid}); {@code null} for staff and services
 * @param roles the {@code roles} claim (e.g. "owner", "staff")
 */
public record Tenant(UUID workspaceId, String subject, PrincipalKind kind, UUID contactId, Set<String> roles) {

	/** The nil UUID: the workspace of a token without {@code wid}; no tenant row carries it. */
	public static final UUID NO_WORKSPACE = new UUID(0L, 0L);

	/**
	 * The identifier of {@link TenantScope#runAsRoot root} work that sees every workspace. Never a
	 * workspace id: tokens naming it are refused.
	 */
	public static final UUID ROOT = new UUID(-1L, -1L);

	static final String WORKSPACE_CLAIM = "wid";

	static final String KIND_CLAIM = "kind";

	static final String CONTACT_CLAIM = "cid";

	static final String ROLES_CLAIM = "roles";

	public Tenant {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(kind, "kind");
		roles = Set.copyOf(roles);
	}

	/**
	 * Reads the tenant of a token that {@link TenantClaimsValidator} has accepted.
	 * @param jwt a verified token
	 * @return its tenant
	 */
	public static Tenant from(Jwt jwt) {
		PrincipalKind kind = PrincipalKind.fromClaim(jwt.getClaimAsString(KIND_CLAIM))
			.orElseThrow(() -> new IllegalArgumentException("Token has no valid 'kind' claim"));
		String workspace = jwt.getClaimAsString(WORKSPACE_CLAIM);
		UUID workspaceId = (workspace != null) ? UUID.fromString(workspace) : NO_WORKSPACE;
		UUID contactId = (kind == PrincipalKind.CLIENT) ? UUID.fromString(jwt.getClaimAsString(CONTACT_CLAIM)) : null;
		List<String> roles = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
		return new Tenant(workspaceId, jwt.getSubject(), kind, contactId, Set.copyOf(roles));
	}

	/** System work for one workspace, e.g. a Kafka consumer handling that workspace's event. */
	static Tenant system(UUID workspaceId) {
		return new Tenant(workspaceId, "system", PrincipalKind.SERVICE, null, Set.of());
	}

	/** Whether the token named a workspace. */
	public boolean hasWorkspace() {
		return !NO_WORKSPACE.equals(this.workspaceId);
	}

	public boolean isClient() {
		return this.kind == PrincipalKind.CLIENT;
	}

	public boolean isStaff() {
		return this.kind == PrincipalKind.STAFF;
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}
}
