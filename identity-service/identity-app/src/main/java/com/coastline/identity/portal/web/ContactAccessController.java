package com.coastline.identity.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.identity.api.LinkRequests;
import com.coastline.identity.portal.PortalLinks;
import com.coastline.identity.portal.PortalUrls;
import com.coastline.identity.portal.PortalSessions;
import com.coastline.identity.portal.SignInClock;
import com.coastline.identity.signin.SignInMeters;
import com.coastline.platform.web.problem.BadRequestException;
import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.security.BackOfficeAccess;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.PrincipalKind;
import com.coastline.platform.web.tenant.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The back office's view of a contact's portal access: its one-tap links and sessions. Staff and
 * admin clients act in the workspace of their token ({@code BackOfficeAccess}); a contact of another
 * workspace answers 404. A service client with scope {@code portal-links:write} (automation) may only
 * issue links, in the contact's own workspace, with an {@code Idempotency-Key}.
 */
@RestController
@Tag(name = "Contact portal access",
		description = "A contact's one-tap links and portal sessions, for the back office of the contact's "
			+ "workspace.")
@RequestMapping("/api/contacts/{contactId}")
class ContactAccessController {

	static final String LINKS_SCOPE = "portal-links:write";

	private static final int MAX_IDEMPOTENCY_KEY = 200;

	private final PortalLinks links;

	private final PortalSessions sessions;

	private final PortalUrls urls;

	private final CurrentTenant currentTenant;

	private final SignInClock clock;

	private final SignInMeters meters;

	ContactAccessController(PortalLinks links, PortalSessions sessions, PortalUrls urls, CurrentTenant currentTenant,
			SignInClock clock, SignInMeters meters) {
		this.clock = clock;
		this.meters = meters;
		this.links = links;
		this.sessions = sessions;
		this.urls = urls;
		this.currentTenant = currentTenant;
	}

	record NewLink(UUID projectId) {
	}

	/** The link just issued: the only answer that ever shows its token. */
	record IssuedLink(UUID id, String url, String token, UUID projectId, Instant expiresAt) {
	}

	record LinkView(UUID id, UUID projectId, String issuedBy, Instant issuedAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt, String revokedReason, boolean active) {

		static LinkView of(PortalLinks.Link link, Instant now) {
			return new LinkView(link.id(), link.projectId(), link.issuedBy(), link.issuedAt(), link.expiresAt(),
					link.lastUsedAt(), link.revokedAt(), link.revokedReason(),
					link.revokedAt() == null && link.expiresAt().isAfter(now));
		}
	}

	record SessionView(UUID id, UUID linkId, UUID projectId, String method, Instant createdAt, Instant lastSeenAt,
			Instant expiresAt, String ip, String userAgent) {

		static SessionView of(PortalSessions.Session session) {
			return new SessionView(session.id(), session.linkId(), session.projectId(), session.method(),
					session.createdAt(), session.lastSeenAt(), session.expiresAt(), session.ip(), session.userAgent());
		}
	}

	@Operation(summary = "Issue a one-tap link for the contact",
			description = "201 with the link and its token, shown only here (no-store). A service client with "
				+ "scope portal-links:write needs an Idempotency-Key; the same key revokes the link "
				+ "minted earlier under it. An Idempotency-Fence (a number that grows with each attempt, e.g. "
				+ "the caller's claim on the work) orders the attempts under a key: an older fence than the "
				+ "newest link's is a late attempt, refused with 409 and reason '" + LinkRequests.SUPERSEDED
				+ "', changing nothing. 404 for another workspace's contact, 409 for an archived "
				+ "one, and 409 with reason 'The Customer Portal is not active' while the workspace's "
				+ "portal is deactivated.")
	@ApiResponse(responseCode = "201", description = "Created")
	@PostMapping("/links")
	ResponseEntity<IssuedLink> issue(@PathVariable UUID contactId, @RequestBody(required = false) NewLink request,
			@RequestHeader(name = LinkRequests.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestHeader(name = LinkRequests.IDEMPOTENCY_FENCE, required = false) Long fence) {
		Tenant tenant = this.currentTenant.get();
		UUID workspaceId;
		if (BackOfficeAccess.allowed(tenant)) {
			workspaceId = tenant.workspaceId();
		}
		else {
			// Only a service client with the links scope gets here (security configuration).
			if (tenant.kind() != PrincipalKind.SERVICE || idempotencyKey == null) {
				throw new BadRequestException("A service client issues links with an Idempotency-Key header.");
			}
			workspaceId = this.links.workspaceOf(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
			throw new BadRequestException("The Idempotency-Key header must have 1 to " + MAX_IDEMPOTENCY_KEY
					+ " characters.");
		}
		if (fence != null && (idempotencyKey == null || fence < 0)) {
			throw new BadRequestException("An Idempotency-Fence is a number from 0 up and comes with an Idempotency-Key.");
		}
		UUID projectId = (request != null) ? request.projectId() : null;
		PortalLinks.Issued issued = this.links.issue(workspaceId, contactId, projectId, tenant.subject(), idempotencyKey,
				fence);
		this.meters.linkIssued(tenant.kind() == PrincipalKind.SERVICE);
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new IssuedLink(issued.link().id(), this.urls.link(workspaceId, issued.token(), projectId),
					issued.token(), projectId, issued.link().expiresAt()));
	}

	@Operation(summary = "List the contact's links, newest first",
			description = "Revoked and expired ones included; never a token.")
	@GetMapping("/links")
	List<LinkView> links(@PathVariable UUID contactId) {
		Instant now = this.clock.now();
		return this.links.of(workspace(), contactId).stream().map(link -> LinkView.of(link, now)).toList();
	}

	@Operation(summary = "Revoke one link and end the sessions it created",
			description = "204, also when already revoked; 404 for an unknown link.")
	@DeleteMapping("/links/{linkId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable UUID contactId, @PathVariable UUID linkId) {
		this.links.revoke(workspace(), contactId, linkId, this.currentTenant.get().subject());
	}

	@Operation(summary = "Revoke all the contact's links and end their sessions")
	@DeleteMapping("/links")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeAll(@PathVariable UUID contactId) {
		this.links.revokeAll(workspace(), contactId, this.currentTenant.get().subject());
	}

	@Operation(summary = "List the contact's live portal sessions", description = "Never a session's secret id.")
	@GetMapping("/sessions")
	List<SessionView> sessions(@PathVariable UUID contactId) {
		UUID workspaceId = workspace();
		this.links.requireContact(workspaceId, contactId);
		return this.sessions.live(workspaceId, contactId).stream().map(SessionView::of).toList();
	}

	@Operation(summary = "End all the contact's portal sessions", description = "Its links keep working.")
	@DeleteMapping("/sessions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void endSessions(@PathVariable UUID contactId) {
		UUID workspaceId = workspace();
		this.links.requireContact(workspaceId, contactId);
		this.sessions.endAll(workspaceId, contactId, this.currentTenant.get().subject());
	}

	@Operation(summary = "End one of the contact's portal sessions",
			description = "By the id the session list shows (never the session's secret). 204, also when it has "
				+ "already ended; 404 for a session the contact never had. Its link keeps working.")
	@DeleteMapping("/sessions/{sessionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void endSession(@PathVariable UUID contactId, @PathVariable UUID sessionId) {
		UUID workspaceId = workspace();
		this.links.requireContact(workspaceId, contactId);
		this.sessions.endOne(workspaceId, contactId, sessionId, this.currentTenant.get().subject());
	}

	/** The caller's workspace (the security configuration lets only back-office tokens reach these). */
	private UUID workspace() {
		return this.currentTenant.requireWorkspace();
	}
}
