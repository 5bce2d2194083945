package com.coastline.portal.project;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.portal.profile.ProfileManagement;
import com.coastline.project.api.ProjectUpserted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The back office's two questions about a project: may it show the Customer Portal menu item (the portal
 * is active and the project has a primary contact), and what is the client's link. Projects come from
 * {@code project.events}; a project this workspace does not know (another workspace's, or one whose event
 * has not arrived yet) reads as having no primary contact, so nothing tells the two apart.
 */
@Service
public class CustomerPortalAccess {

	static final String PORTAL_INACTIVE = "The Customer Portal is not active";

	static final String NO_PRIMARY_CONTACT = "The project has no primary contact";

	private static final Logger log = LoggerFactory.getLogger(CustomerPortalAccess.class);

	private final ProjectContacts projects;

	private final ProfileManagement profiles;

	private final IdentityLinks links;

	private final Clock clock;

	CustomerPortalAccess(ProjectContacts projects, ProfileManagement profiles, IdentityLinks links, Clock clock) {
		this.projects = projects;
		this.profiles = profiles;
		this.links = links;
		this.clock = clock;
	}

	/**
	 * Whether the menu item is shown, and why not.
	 * @param available whether it is
	 * @param reason why not, or null
	 */
	public record Availability(boolean available, String reason) {
	}

	/** A fresh one-tap link for the project's primary contact. */
	public record ClientLink(String url, Instant expiresAt) {
	}

	@Transactional(readOnly = true)
	public Availability menu(UUID projectId) {
		return primaryContact(projectId).map((contact) -> new Availability(true, null))
			.orElseGet(() -> new Availability(false, reasonUnavailable(projectId)));
	}

	/**
	 * Asks identity-service for a link (outside any transaction: no connection is held while it answers).
	 * @throws CustomerPortalUnavailableException when the menu item would not be shown, or identity refuses the contact
	 * @throws IdentityUnavailableException when identity-service does not answer
	 */
	public ClientLink link(UUID projectId) {
		UUID contact = primaryContact(projectId)
			.orElseThrow(() -> new CustomerPortalUnavailableException(reasonUnavailable(projectId)));
		try {
			IdentityLinks.Link link = this.links.issue(contact, projectId);
			return new ClientLink(link.url(), link.expiresAt());
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
					|| ex.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
				throw new CustomerPortalUnavailableException(
						"The project's primary contact cannot receive a link right now (archived, or not yet known to sign-in)");
			}
			log.warn("identity-service refused a link request with {}", ex.getStatusCode());
			throw new IdentityUnavailableException("The sign-in service refused the request; try again later.", ex);
		}
		catch (RuntimeException ex) {
			log.warn("identity-service did not issue a link: {}", ex.toString());
			throw new IdentityUnavailableException(
					"The sign-in service is unavailable right now; try again in a moment.", ex);
		}
	}

	/** Runs inside the idempotent consumer's transaction, in the event's workspace. */
	@Transactional
	public void projectUpserted(ProjectUpserted event) {
		if (event.projectId() == null) {
			throw new PoisonMessageException("ProjectUpserted without a project id");
		}
		ProjectContact project = this.projects.findById(event.projectId())
			.orElseGet(() -> ProjectContact.of(event.projectId()));
		if (project.update(event.primaryContactId(), event.version(), this.clock.instant())) {
			this.projects.save(project);
		}
	}

	/** The primary contact when the menu item is available. */
	private Optional<UUID> primaryContact(UUID projectId) {
		if (!this.profiles.isActive()) {
			return Optional.empty();
		}
		return this.projects.findById(projectId).map(ProjectContact::primaryContactId);
	}

	private String reasonUnavailable(UUID projectId) {
		return this.profiles.isActive() ? NO_PRIMARY_CONTACT : PORTAL_INACTIVE;
	}
}
