package com.coastline.project.project;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.project.contact.Contact;
import com.coastline.project.contact.ContactManagement;
import com.coastline.project.project.messaging.ProjectEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases on projects. Every change is flushed before its events are published, so that they
 * carry the version it produced; the events ({@code ProjectUpserted} for every change, plus
 * {@code ProjectApproved} once) and the timeline entry are recorded in the same transaction (outbox).
 * Changes lock the project's row, so concurrent ones run one after the other and each sees the state the
 * one before it left.
 */
@Service
@Transactional
public class ProjectManagement {

	private final Projects projects;

	private final ContactManagement contacts;

	private final ProjectTimeline timeline;

	private final CurrentTenant currentTenant;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProjectManagement(Projects projects, ContactManagement contacts, ProjectTimeline timeline,
			CurrentTenant currentTenant, EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
		this.projects = projects;
		this.contacts = contacts;
		this.timeline = timeline;
		this.currentTenant = currentTenant;
		this.entityManager = entityManager;
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
		Project project = this.projects.saveAndFlush(Project.lead(name, address, primaryContactId, now()));
		changed(project, ActivityKind.PROJECT_CREATED, "Project " + project.getName() + " created", null);
		return project;
	}

	/** Replaces name and address; unchanged details change nothing and publish nothing. */
	public Project changeDetails(UUID id, String name, String address) {
		Project project = lock(id);
		if (project.changeDetails(name, address, now())) {
			this.projects.flush();
			changed(project, ActivityKind.PROJECT_DETAILS_CHANGED, "Project details changed: " + project.getName()
					+ ((project.getAddress() != null) ? ", " + project.getAddress() : ""), null);
		}
		return project;
	}

	/** LEAD → ESTIMATING. */
	public Project startEstimating(UUID id) {
		return move(id, Project::startEstimating);
	}

	/**
	 * LEAD → ESTIMATING when an estimate of the project goes out to the client ("estimating" means an
	 * estimate is out), in the caller's transaction; a project in any other status is left as it is.
	 * @return whether the project moved
	 */
	public boolean startEstimatingIfLead(UUID id) {
		Project project = lockFresh(id);
		if (project.getStatus() != ProjectStatus.LEAD) {
			return false;
		}
		move(project, Project::startEstimating);
		return true;
	}

	/**
	 * Approves the project and publishes {@code ProjectApproved} with the primary contact as it is now.
	 * The row lock makes concurrent approvals run one after the other: one approves, the others find it
	 * approved and fail with {@link ProjectAlreadyApproved} before anything is recorded.
	 */
	public Project approve(UUID id) {
		return approve(lock(id));
	}

	/**
	 * Approves the project unless it was approved before (by the contractor, or through another of its
	 * estimates), in the caller's transaction: the client approving an estimate approves its project, and
	 * {@code ProjectApproved} is published once whatever approves it first. The project's row is locked
	 * and re-read before its state is looked at, since the caller may have loaded it earlier in the
	 * transaction (a locking query would hand back that instance as it was read).
	 * @return whether it approved the project now
	 * @throws ProjectTransitionNotAllowed when the project was cancelled, even after an earlier approval:
	 * a cancelled job is not approved any more
	 */
	public boolean approveUnlessApproved(UUID id) {
		Project project = lockFresh(id);
		if (project.getStatus() == ProjectStatus.CANCELLED) {
			throw new ProjectTransitionNotAllowed(id, project.getStatus(), "be approved");
		}
		if (project.getApprovedAt() != null) {
			return false;
		}
		approve(project);
		return true;
	}

	private Project approve(Project locked) {
		Project project = move(locked, Project::approve);
		Contact primaryContact = this.contacts.find(project.getPrimaryContactId());
		this.events.publishEvent(ProjectEvents.approved(project, primaryContact));
		return project;
	}

	/** APPROVED → IN_PROGRESS. */
	public Project start(UUID id) {
		return move(id, Project::start);
	}

	/** IN_PROGRESS → COMPLETED. */
	public Project complete(UUID id) {
		return move(id, Project::complete);
	}

	/** Any open status → CANCELLED. */
	public Project cancel(UUID id) {
		return move(id, Project::cancel);
	}

	private Project move(UUID id, BiConsumer<Project, Instant> transition) {
		return move(lock(id), transition);
	}

	private Project move(Project project, BiConsumer<Project, Instant> transition) {
		ProjectStatus before = project.getStatus();
		transition.accept(project, now());
		this.projects.flush();
		changed(project, ActivityKind.PROJECT_STATUS_CHANGED,
				"Status changed from " + label(before) + " to " + label(project.getStatus()), null);
		return project;
	}

	/**
	 * Makes another active contact of the workspace the primary contact.
	 * @throws PrimaryContactNotUsable unless it is an active contact of this workspace
	 */
	public Project changePrimaryContact(UUID id, UUID contactId) {
		Project project = lock(id);
		Contact contact = this.contacts.findActive(contactId).orElseThrow(() -> new PrimaryContactNotUsable(contactId));
		if (project.changePrimaryContact(contactId, now())) {
			this.projects.flush();
			changed(project, ActivityKind.PRIMARY_CONTACT_CHANGED, "Primary contact is now " + nameOf(contact),
					contactId);
		}
		return project;
	}

	/**
	 * Lets another active contact of the workspace see the project; adding one twice changes nothing.
	 * @throws ContactNotUsable unless it is an active contact of this workspace other than the primary one
	 */
	public Project addContact(UUID id, UUID contactId) {
		Project project = lock(id);
		Contact contact = this.contacts.findActive(contactId)
			.orElseThrow(() -> ContactNotUsable.notActive("contactId", contactId));
		if (project.addContact(contactId, now())) {
			this.projects.flush();
			changed(project, ActivityKind.CONTACT_ADDED, nameOf(contact) + " added to the project", contactId);
		}
		return project;
	}

	/**
	 * The contact no longer sees the project.
	 * @throws NotAnAddedContact unless it was added
	 */
	public Project removeContact(UUID id, UUID contactId) {
		Project project = lock(id);
		project.removeContact(contactId, now());
		this.projects.flush();
		changed(project, ActivityKind.CONTACT_REMOVED, nameOf(this.contacts.find(contactId)) + " removed from the project",
				contactId);
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

	private Project lock(UUID id) {
		return this.projects.lockById(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Locks the project's row and re-reads it: for use cases that other modules call inside their own
	 * transaction, which may already hold the project as it was read before the lock.
	 */
	private Project lockFresh(UUID id) {
		Project project = this.projects.findById(id).orElseThrow(() -> notFound(id));
		this.entityManager.refresh(project, LockModeType.PESSIMISTIC_WRITE);
		return project;
	}

	private void changed(Project project, ActivityKind kind, String summary, UUID subjectId) {
		this.events.publishEvent(ProjectEvents.upserted(project));
		this.timeline.record(project.getId(), kind, this.timeline.currentActor(), summary, subjectId);
	}

	private static String label(ProjectStatus status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String nameOf(Contact contact) {
		return contact.getFirstName() + " " + contact.getLastName();
	}

	/** Microseconds, as PostgreSQL stores them: events then carry exactly the instants that were saved. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("Project", id);
	}
}
