package com.coastline.identity.portal;

import java.sql.Timestamp;
import java.util.UUID;

import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.portal.api.PortalActivated;
import com.coastline.portal.api.PortalDeactivated;
import com.coastline.portal.api.PortalProfileChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projection of portal-service's {@code PortalActivated} / {@code PortalDeactivated} (table
 * {@code portal_state}), kept at the newest version per workspace: an event whose version is not newer
 * than the stored one changes nothing. Deactivation revokes every live link of the workspace and ends
 * every session of its clients (reason {@value #PORTAL_DEACTIVATED}); while the newest state is
 * deactivated, no link is issued, redeemed, and no client signs in with a code. A workspace portal-service
 * has never announced is not held back.
 */
@Service
public class PortalStates {

	public static final String PORTAL_DEACTIVATED = "portal-deactivated";

	private static final Logger log = LoggerFactory.getLogger(PortalStates.class);

	private static final String SYSTEM = "system";

	private final JdbcTemplate jdbc;

	private final PortalLinks links;

	private final PortalSessions sessions;

	private final SignInClock clock;

	PortalStates(JdbcTemplate jdbc, PortalLinks links, PortalSessions sessions, SignInClock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Transactional
	public void activated(PortalActivated event) {
		if (event.workspaceId() == null) {
			throw new PoisonMessageException("PortalActivated without a workspace");
		}
		store(event.workspaceId(), true, event.version());
	}

	@Transactional
	public void deactivated(PortalDeactivated event) {
		if (event.workspaceId() == null) {
			throw new PoisonMessageException("PortalDeactivated without a workspace");
		}
		if (!store(event.workspaceId(), false, event.version())) {
			return;
		}
		int revoked = this.links.revokeAllInWorkspace(event.workspaceId(), PORTAL_DEACTIVATED, SYSTEM);
		int ended = this.sessions.endAllInWorkspace(event.workspaceId(), PORTAL_DEACTIVATED, SYSTEM);
		log.info("Portal of workspace {} deactivated (version {}): {} links revoked, {} more sessions ended",
				event.workspaceId(), event.version(), revoked, ended);
	}

	/**
	 * Keeps the workspace's portal address (the newest version's), on which one-tap links are built
	 * ({@link PortalUrls}); an older or repeated event changes nothing.
	 */
	@Transactional
	public void profileChanged(PortalProfileChanged event) {
		if (event.workspaceId() == null) {
			throw new PoisonMessageException("PortalProfileChanged without a workspace");
		}
		if (event.slug() == null || event.slug().isBlank()) {
			return;
		}
		this.jdbc.update("""
				insert into portal_address (workspace_id, slug, version, updated_at) values (?, ?, ?, ?)
				on conflict (workspace_id) do update
				  set slug = excluded.slug, version = excluded.version, updated_at = excluded.updated_at
				  where portal_address.version < excluded.version""", event.workspaceId(), event.slug(),
				event.version(), Timestamp.from(this.clock.now()));
	}

	/** Whether the workspace's newest known portal state is active; true when none is known. */
	@Transactional(readOnly = true)
	public boolean isActive(UUID workspaceId) {
		return this.jdbc.queryForList("select active from portal_state where workspace_id = ?", Boolean.class,
				workspaceId).stream().findFirst().orElse(true);
	}

	/** Stores the state if the version is newer than the stored one (or none is); whether it did. */
	private boolean store(UUID workspaceId, boolean active, long version) {
		boolean stored = !this.jdbc.queryForList("""
				insert into portal_state (workspace_id, active, version, updated_at) values (?, ?, ?, ?)
				on conflict (workspace_id) do update
				  set active = excluded.active, version = excluded.version, updated_at = excluded.updated_at
				  where portal_state.version < excluded.version
				returning workspace_id""", UUID.class, workspaceId, active, version,
				Timestamp.from(this.clock.now())).isEmpty();
		if (!stored) {
			log.debug("Stale portal state {} (version {}) for workspace {}; ignored", active, version, workspaceId);
		}
		return stored;
	}
}
