package com.coastline.project.estimate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.project.estimate.messaging.EstimateEvents;
import com.coastline.project.project.ActivityKind;
import com.coastline.project.project.Project;
import com.coastline.project.project.ProjectManagement;
import com.coastline.project.project.ProjectStatus;
import com.coastline.project.project.ProjectTimeline;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's use cases on estimates. Every change locks the estimate's row first (so that it
 * reads the state after the lock), is flushed before its event is published, and records the event in
 * the same transaction (outbox).
 */
@Service
@Transactional
public class EstimateManagement {

	private final Estimates estimates;

	private final ProjectManagement projects;

	private final ProjectTimeline timeline;

	private final CurrentTenant currentTenant;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EstimateManagement(Estimates estimates, ProjectManagement projects, ProjectTimeline timeline,
			CurrentTenant currentTenant, ApplicationEventPublisher events, Clock clock) {
		this.estimates = estimates;
		this.projects = projects;
		this.timeline = timeline;
		this.currentTenant = currentTenant;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A new estimate of the project, as a draft (version 1).
	 * @throws NotFoundException when the project is not one of this workspace's
	 */
	public Estimate create(UUID projectId, String currency, EstimateContent content) {
		this.currentTenant.requireWorkspace();
		this.projects.find(projectId);
		return this.estimates.saveAndFlush(Estimate.draft(projectId, currency, content, now()));
	}

	/**
	 * Edits the draft, or writes a new draft version of what the client has seen ({@link Estimate#revise}).
	 * @param expectedVersion the estimate's version the caller edited, or {@code null} not to check
	 * @throws StaleEstimateEdit when {@code expectedVersion} is given and the estimate changed since
	 */
	public Estimate revise(UUID id, Long expectedVersion, EstimateContent content) {
		Estimate estimate = lock(id);
		estimate.revise(expectedVersion, content, now());
		this.estimates.flush();
		return loaded(estimate);
	}

	/**
	 * Sends the current draft to the client and publishes {@code EstimateSent}. A lead's project moves to
	 * ESTIMATING in the same transaction ("estimating" means an estimate is out); a project in any other
	 * status stays as it is.
	 * @throws EstimateOfCancelledProject when the project was cancelled: the client could not approve it
	 */
	public Estimate send(UUID id) {
		Estimate estimate = lock(id);
		Project project = this.projects.find(estimate.getProjectId());
		if (project.getStatus() == ProjectStatus.CANCELLED) {
			throw new EstimateOfCancelledProject(id, project.getId());
		}
		EstimateVersion sent = estimate.send(now());
		this.estimates.flush();
		this.events.publishEvent(EstimateEvents.sent(estimate, sent, project.getPrimaryContactId()));
		this.timeline.record(project.getId(), ActivityKind.ESTIMATE_SENT, this.timeline.currentActor(),
				"Estimate \"" + sent.getTitle() + "\" sent (version " + sent.getNumber() + ")", estimate.getId());
		this.projects.startEstimatingIfLead(project.getId());
		return loaded(estimate);
	}

	@Transactional(readOnly = true)
	public Estimate find(UUID id) {
		return loaded(this.estimates.findById(id).orElseThrow(() -> notFound(id)));
	}

	/**
	 * The project's estimates, oldest first.
	 * @throws NotFoundException when the project is not one of this workspace's
	 */
	@Transactional(readOnly = true)
	public List<Estimate> findByProject(UUID projectId) {
		this.projects.find(projectId);
		return this.estimates.findByProjectIdOrderByCreatedAtAsc(projectId)
			.stream()
			.map(EstimateManagement::loaded)
			.toList();
	}

	/**
	 * An approved version of the estimate, with its evidence.
	 * @throws NotFoundException when there is no such estimate, version, or approval of it
	 */
	@Transactional(readOnly = true)
	public ApprovedVersion approvedVersion(UUID id, int number) {
		return ApprovedVersion.of(find(id), number);
	}

	/** The current time as stored (microseconds), for reading statuses the way they are decided. */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Estimate lock(UUID id) {
		return this.estimates.lockById(id).orElseThrow(() -> notFound(id));
	}

	/** Loads every version and line item while the transaction is open (responses are written after it). */
	static Estimate loaded(Estimate estimate) {
		estimate.getVersions().forEach(version -> version.getLineItems().size());
		return estimate;
	}

	static NotFoundException notFound(UUID id) {
		return new NotFoundException("Estimate", id);
	}
}
