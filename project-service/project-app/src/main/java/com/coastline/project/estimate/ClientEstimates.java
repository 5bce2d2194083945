package com.coastline.project.estimate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.project.estimate.messaging.EstimateEvents;
import com.coastline.project.project.ActivityKind;
import com.coastline.project.project.ProjectAccess;
import com.coastline.project.project.ProjectManagement;
import com.coastline.project.project.ProjectStatus;
import com.coastline.project.project.ProjectTimeline;
import com.coastline.project.project.ProjectTransitionNotAllowed;
import com.coastline.project.project.VisibleProjects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal client's use cases on estimates. What the client may see is decided by
 * {@link ProjectAccess} (the estimate's project must be visible to them) and by the estimate itself
 * (only estimates that were sent, and of those only the latest version that is not a draft); anything
 * else answers 404, like an unknown id.
 */
@Service
@Transactional
public class ClientEstimates {

	/** Views of one estimate by one contact closer together than this are recorded once. */
	static final Duration VIEW_WINDOW = Duration.ofHours(1);

	private final Estimates estimates;

	private final ProjectAccess access;

	private final ProjectManagement projects;

	private final ProjectTimeline timeline;

	private final CurrentTenant tenant;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClientEstimates(Estimates estimates, ProjectAccess access, ProjectManagement projects, ProjectTimeline timeline,
			CurrentTenant tenant, ApplicationEventPublisher events, Clock clock) {
		this.estimates = estimates;
		this.access = access;
		this.projects = projects;
		this.timeline = timeline;
		this.tenant = tenant;
		this.events = events;
		this.clock = clock;
	}

	/** The sent estimates of every project the client sees, oldest first. */
	@Transactional(readOnly = true)
	public List<Estimate> visible() {
		VisibleProjects visible = this.access.visible();
		return visible.isEmpty() ? List.of() : shown(this.estimates.findOfProjects(visible.workspaceId(), visible.ids()));
	}

	/**
	 * The estimates of the client's projects that were sent to them, oldest first, without their lines: for
	 * reading inside the caller's transaction.
	 */
	@Transactional(readOnly = true)
	public List<Estimate> sent(VisibleProjects visible) {
		return visible.isEmpty() ? List.of()
				: this.estimates.findOfProjects(visible.workspaceId(), visible.ids())
					.stream()
					.filter(estimate -> estimate.shownToClient().isPresent())
					.toList();
	}

	/** The sent estimates of one project the client sees; 404 for a project they do not see. */
	@Transactional(readOnly = true)
	public List<Estimate> visibleOfProject(UUID projectId) {
		this.access.requireVisible(projectId);
		return shown(this.estimates.findByProjectIdOrderByCreatedAtAsc(projectId));
	}

	/** A sent estimate of a project the client sees; 404 otherwise. */
	@Transactional(readOnly = true)
	public Estimate find(UUID id) {
		Estimate estimate = this.estimates.findById(id).orElseThrow(() -> EstimateManagement.notFound(id));
		requireVisible(estimate);
		return EstimateManagement.loaded(estimate);
	}

	/**
	 * The client opens a sent estimate: {@link #find} and, for the back office's activity view (and
	 * later the "viewed but not approved" automation), an {@code ESTIMATE_VIEWED} timeline entry, at
	 * most one per estimate and contact per {@link #VIEW_WINDOW}, so that reloading the page does not
	 * flood the timeline.
	 */
	public Estimate view(UUID id) {
		Estimate estimate = find(id);
		String actor = ProjectTimeline.contactActor(currentContact());
		boolean seenRecently = this.timeline.entries(estimate.getProjectId(), now().minus(VIEW_WINDOW), false)
			.stream()
			.anyMatch(entry -> entry.getKind() == ActivityKind.ESTIMATE_VIEWED && id.equals(entry.getSubjectId())
					&& actor.equals(entry.getActor()));
		if (!seenRecently) {
			EstimateVersion shown = estimate.shownToClient().orElseThrow();
			this.timeline.record(estimate.getProjectId(), ActivityKind.ESTIMATE_VIEWED, actor,
					"Estimate \"" + shown.getTitle() + "\" viewed (version " + shown.getNumber() + ")", id);
			this.events.publishEvent(EstimateEvents.viewed(estimate, shown, currentContact(), now()));
		}
		return estimate;
	}

	/** An approved version the client sees, with its evidence; 404 otherwise. */
	@Transactional(readOnly = true)
	public ApprovedVersion approvedVersion(UUID id, int number) {
		// Approved versions are never drafts, so the client sees every one of them.
		return ApprovedVersion.of(find(id), number);
	}

	/**
	 * The client approves the version they were shown, signing with their typed name: the version is
	 * frozen with its evidence, {@code EstimateApproved} is published, and the project is approved in the
	 * same transaction unless it already was (then no second {@code ProjectApproved}).
	 * <p>
	 * The estimate's row lock makes concurrent approvals run one after the other: one approves, the
	 * others find it approved (409) before anything is recorded. The project is approved through
	 * {@link ProjectManagement#approveUnlessApproved}, which locks its row before looking at its state, so
	 * that a contractor approving or cancelling the project at the same time cannot make it approved
	 * twice, or approve a cancelled project's estimate (the whole transaction then rolls back).
	 * @throws EstimateOfCancelledProject when the project was cancelled
	 */
	public Estimate approve(UUID id, int versionNumber, String signedName, String ip, String userAgent) {
		Estimate estimate = lockVisible(id);
		UUID contactId = currentContact();
		EstimateVersion approved = estimate.approve(versionNumber, new Signature(contactId, signedName, ip, userAgent),
				now());
		this.estimates.flush();
		this.events.publishEvent(EstimateEvents.approved(estimate, approved));
		this.timeline.record(estimate.getProjectId(), ActivityKind.ESTIMATE_APPROVED,
				ProjectTimeline.contactActor(contactId), "Estimate \"" + approved.getTitle() + "\" approved (version "
						+ approved.getNumber() + ") by " + approved.getApproval().getSignedName(),
				estimate.getId());
		try {
			this.projects.approveUnlessApproved(estimate.getProjectId());
		}
		catch (ProjectTransitionNotAllowed refused) {
			if (refused.currentState() == ProjectStatus.CANCELLED) {
				throw new EstimateOfCancelledProject(id, estimate.getProjectId());
			}
			throw refused;
		}
		return EstimateManagement.loaded(estimate);
	}

	/** The client declines the version they were shown, with an optional message. */
	public Estimate decline(UUID id, int versionNumber, String message) {
		Estimate estimate = lockVisible(id);
		UUID contactId = currentContact();
		EstimateVersion declined = estimate.decline(versionNumber, contactId, blankToNull(message), now());
		this.estimates.flush();
		this.events.publishEvent(EstimateEvents.declined(estimate, declined));
		this.timeline.record(estimate.getProjectId(), ActivityKind.ESTIMATE_DECLINED,
				ProjectTimeline.contactActor(contactId),
				"Estimate \"" + declined.getTitle() + "\" declined (version " + declined.getNumber() + ")",
				estimate.getId());
		return EstimateManagement.loaded(estimate);
	}

	/** The client asks for changes to the version they were shown. */
	public Estimate requestChanges(UUID id, int versionNumber, String message) {
		Estimate estimate = lockVisible(id);
		UUID contactId = currentContact();
		EstimateVersion answered = estimate.requestChanges(versionNumber, contactId, message.strip(), now());
		this.estimates.flush();
		this.events.publishEvent(EstimateEvents.changesRequested(estimate, answered));
		this.timeline.record(estimate.getProjectId(), ActivityKind.ESTIMATE_CHANGES_REQUESTED,
				ProjectTimeline.contactActor(contactId),
				"Changes requested to estimate \"" + answered.getTitle() + "\" (version " + answered.getNumber() + ")",
				estimate.getId());
		return EstimateManagement.loaded(estimate);
	}

	/** The signed-in client's contact (ProjectAccess has already refused any other kind of caller). */
	private UUID currentContact() {
		return this.tenant.get().contactId();
	}

	/** Locks first, so that the state is read after the lock; then checks what the client may see. */
	private Estimate lockVisible(UUID id) {
		Estimate estimate = this.estimates.lockById(id).orElseThrow(() -> EstimateManagement.notFound(id));
		requireVisible(estimate);
		return estimate;
	}

	private void requireVisible(Estimate estimate) {
		try {
			this.access.requireVisible(estimate.getProjectId());
		}
		catch (NotFoundException ex) {
			throw EstimateManagement.notFound(estimate.getId());
		}
		if (estimate.shownToClient().isEmpty()) {
			throw EstimateManagement.notFound(estimate.getId());
		}
	}

	private static List<Estimate> shown(List<Estimate> estimates) {
		return estimates.stream()
			.filter(estimate -> estimate.shownToClient().isPresent())
			.map(EstimateManagement::loaded)
			.toList();
	}

	/** The current time as stored (microseconds), for reading statuses the way they are decided. */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String blankToNull(String message) {
		return (message == null || message.isBlank()) ? null : message.strip();
	}
}
