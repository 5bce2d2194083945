package com.coastline.identity.portal;

import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projection of project-service's contacts ({@code ContactUpserted}, {@code ContactArchived}) into
 * portal identities. An event whose version is not newer than the stored one is ignored. A changed
 * email or an archive revokes the contact's links and ends its sessions: whoever held the old address
 * must not keep access.
 */
@Service
public class PortalIdentities {

	private static final Logger log = LoggerFactory.getLogger(PortalIdentities.class);

	private static final String SYSTEM = "system";

	private final JdbcTemplate jdbc;

	private final PortalLinks links;

	private final PortalSessions sessions;

	private final SignInClock clock;

	PortalIdentities(JdbcTemplate jdbc, PortalLinks links, PortalSessions sessions, SignInClock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Transactional
	public void upserted(ContactUpserted event) {
		if (event.workspaceId() == null || event.contactId() == null || event.email() == null) {
			throw new PoisonMessageException("ContactUpserted without workspace, contact or email");
		}
		String email = normalise(event.email());
		Optional<PortalIdentity> stored = lock(event.contactId());
		if (stored.isEmpty()) {
			this.jdbc.update("""
					insert into portal_identity (contact_id, workspace_id, first_name, last_name, email, archived, version,
					  updated_at)
					values (?, ?, ?, ?, ?, false, ?, ?)
					on conflict (contact_id) do nothing""", event.contactId(), event.workspaceId(),
					nullToEmpty(event.firstName()), nullToEmpty(event.lastName()), email, event.version(),
					Timestamp.from(this.clock.now()));
			return;
		}
		PortalIdentity identity = stored.get();
		if (!sameWorkspace(identity, event.workspaceId()) || event.version() <= identity.version()) {
			return;
		}
		this.jdbc.update("""
				update portal_identity set first_name = ?, last_name = ?, email = ?, version = ?, updated_at = ?
				where contact_id = ?""", nullToEmpty(event.firstName()), nullToEmpty(event.lastName()), email,
				event.version(), Timestamp.from(this.clock.now()), event.contactId());
		if (!email.equals(identity.email())) {
			endAccess(identity, PortalLinks.EMAIL_CHANGED);
		}
	}

	@Transactional
	public void archived(ContactArchived event) {
		if (event.workspaceId() == null || event.contactId() == null) {
			throw new PoisonMessageException("ContactArchived without workspace or contact");
		}
		Optional<PortalIdentity> stored = lock(event.contactId());
		if (stored.isEmpty()) {
			// Contact events are keyed by contact, so its ContactUpserted came first; nothing to archive.
			log.warn("ContactArchived for contact {}, which identity has never seen; ignored", event.contactId());
			return;
		}
		PortalIdentity identity = stored.get();
		if (!sameWorkspace(identity, event.workspaceId()) || event.version() <= identity.version()) {
			return;
		}
		this.jdbc.update("update portal_identity set archived = true, version = ?, updated_at = ? where contact_id = ?",
				event.version(), Timestamp.from(this.clock.now()), event.contactId());
		endAccess(identity, PortalLinks.CONTACT_ARCHIVED);
	}

	@Transactional(readOnly = true)
	public Optional<PortalIdentity> find(UUID workspaceId, UUID contactId) {
		return this.jdbc.query("select " + PortalIdentity.COLUMNS
				+ " from portal_identity where workspace_id = ? and contact_id = ?", PortalIdentity::map, workspaceId,
				contactId).stream().findFirst();
	}

	private void endAccess(PortalIdentity identity, String reason) {
		this.links.revokeAllOf(identity.workspaceId(), identity.contactId(), reason, SYSTEM);
		this.sessions.endAllOf(identity.workspaceId(), identity.contactId(), reason, SYSTEM);
	}

	private Optional<PortalIdentity> lock(UUID contactId) {
		return this.jdbc.query("select " + PortalIdentity.COLUMNS + " from portal_identity where contact_id = ? for update",
				PortalIdentity::map, contactId).stream().findFirst();
	}

	private static boolean sameWorkspace(PortalIdentity identity, UUID workspaceId) {
		if (!identity.workspaceId().equals(workspaceId)) {
			log.warn("Contact {} named in workspace {} but belongs to another; ignored", identity.contactId(), workspaceId);
			return false;
		}
		return true;
	}

	static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value.strip() : "";
	}
}
