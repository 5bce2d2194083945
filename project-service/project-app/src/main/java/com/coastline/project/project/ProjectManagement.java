package com.coastline.project.project;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.project.contact.Contact;
import com.coastline.project.contact.ContactManagement;
import com.coastline.project.project.messaging.ProjectEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases on projects. Approval is flushed before its event is published, so that the event
 * carries the version it produced; the event is recorded in the same transaction (outbox).
 */
@Service
@Transactional
public class ProjectManagement {

	private final Projects projects;

	private final ContactManagement contacts;

	private final CurrentTenant currentTenant;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProjectManagement(Projects projects, ContactManagement contacts, CurrentTenant currentTenant,
			ApplicationEventPublisher events, Clock clock) {
		this.projects = projects;
		this.contacts = contacts;
		this.currentTenant = currentTenant;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a lead.
	 * @throws PrimaryContactNotUsable unless the primary contact is an active contact of this workspace
	 */
	public Project create(String name, String address, UUID primaryContactId) {
		this.currentTenant.requireWorkspace();
		this.contacts.findActive(primaryContactId).orElseThrow(() -> new PrimaryContactNotUsable(primaryContactId));
		return this.projects.saveAndFlush(Project.lead(name, address, primaryContactId, now()));
	}

	/**
	 * Approves the project and publishes {@code ProjectApproved} with the primary contact as it is now.
	 * The row lock makes concurrent approvals run one after the other: one approves, the others find it
	 * approved and fail with {@link ProjectAlreadyApproved} before anything is recorded.
	 */
	public Project approve(UUID id) {
		Project project = this.projects.lockById(id).orElseThrow(() -> notFound(id));
		project.approve(now());
		this.projects.flush();
		Contact primaryContact = this.contacts.find(project.getPrimaryContactId());
		this.events.publishEvent(ProjectEvents.approved(project, primaryContact));
		return project;
	}

	@Transactional(readOnly = true)
	public Project find(UUID id) {
		return this.projects.findById(id).orElseThrow(() -> notFound(id));
	}

	/** The projects with this name (ignoring case and surrounding spaces). */
	@Transactional(readOnly = true)
	public List<Project> findByName(String name) {
		return this.projects.findByNameIgnoreCaseOrderByCreatedAtAsc(name.trim());
	}

	@Transactional(readOnly = true)
	public List<Project> findAll() {
		return this.projects.findAllByOrderByCreatedAtAsc();
	}

	/** Microseconds, as PostgreSQL stores them: events then carry exactly the instants that were saved. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("Project", id);
	}
}
