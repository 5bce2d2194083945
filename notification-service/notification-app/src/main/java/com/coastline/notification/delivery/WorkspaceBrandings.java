package com.coastline.notification.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.Tenant;
import com.coastline.portal.api.PortalProfileChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link EmailBranding} of each workspace's emails, projected from portal-service's
 * {@link PortalProfileChanged} ({@code workspace_branding}): the contractor's display name, accent colour,
 * logo and footer contacts, kept per workspace at the newest profile {@code version} seen, so that an older
 * or repeated event changes nothing. A workspace whose branding has not arrived gets the neutral
 * {@link EmailBranding#COASTLINE}.
 * <p>
 * A portal that is closed ({@code active: false}) keeps its branding in emails: the branding is the
 * contractor's identity, which does not change when clients cannot use the portal. Values are stored as the
 * event gave them; {@link EmailBranding} drops what the layout cannot use when they are read. Every query
 * names its workspace explicitly.
 */
@Component
public class WorkspaceBrandings {

	private static final Logger log = LoggerFactory.getLogger(WorkspaceBrandings.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	WorkspaceBrandings(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The branding of the workspace's emails; never null. One primary-key read per email (not cached, so a
	 * change shows in the next email; see the README).
	 */
	public EmailBranding of(UUID workspaceId) {
		return this.jdbc
			.query("""
					select display_name, accent_color, logo_url, contact_phone, contact_email, contact_address
					from workspace_branding where workspace_id = ?""",
					(row, n) -> new EmailBranding(row.getString("display_name"), row.getString("accent_color"),
							uri(row.getString("logo_url")), row.getString("contact_phone"),
							row.getString("contact_email"), row.getString("contact_address")),
					workspaceId)
			.stream()
			.findFirst()
			.orElse(EmailBranding.COASTLINE);
	}

	/**
	 * Takes the workspace's branding from a {@code PortalProfileChanged}, unless the version held is as new
	 * or newer. Runs in the idempotent consumer's transaction; one statement, so two replicas racing over
	 * the workspace's events keep the newest.
	 * @return whether the event changed the stored branding
	 * @throws PoisonMessageException without a workspace or with a version below 1
	 */
	@Transactional
	public boolean portalProfileChanged(PortalProfileChanged event) {
		UUID workspace = event.workspaceId();
		if (workspace == null || Tenant.NO_WORKSPACE.equals(workspace) || Tenant.ROOT.equals(workspace)) {
			throw new PoisonMessageException("PortalProfileChanged without a workspace");
		}
		if (event.version() < 1) {
			throw new PoisonMessageException("PortalProfileChanged with version " + event.version());
		}
		int changed = this.jdbc.update("""
				insert into workspace_branding (workspace_id, display_name, accent_color, logo_url, contact_phone,
				    contact_email, contact_address, portal_active, version, changed_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (workspace_id) do update set display_name = excluded.display_name,
				    accent_color = excluded.accent_color, logo_url = excluded.logo_url,
				    contact_phone = excluded.contact_phone, contact_email = excluded.contact_email,
				    contact_address = excluded.contact_address, portal_active = excluded.portal_active,
				    version = excluded.version, changed_at = excluded.changed_at, updated_at = excluded.updated_at
				where workspace_branding.version < excluded.version""", workspace, event.displayName(),
				event.accentColor(), event.logoUrl(), event.contactPhone(), event.contactEmail(),
				event.contactAddress(), event.active(), event.version(),
				event.changedAt() == null ? null : Timestamp.from(event.changedAt()),
				Timestamp.from(this.clock.instant()));
		if (changed == 0) {
			log.debug("Workspace {} ignores its portal profile version {}: it has a newer one", workspace,
					event.version());
		}
		return changed == 1;
	}

	private static URI uri(String value) {
		if (value == null) {
			return null;
		}
		try {
			return new URI(value);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}
}
