package com.coastline.project.project;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each project's timeline: what happened to it, when and by whom, for the back office's activity view
 * and the portal's "what changed since your last visit". Entries are written in the transaction of the
 * change they record, so that a change and its entry commit or roll back together; every module that
 * changes a project's story (estimates, invoices, appointments) appends through {@link #record}.
 */
@Service
public class ProjectTimeline {

	/** The most entries one read returns. */
	public static final int MAX_ENTRIES = 200;

	private static final List<ActivityKind> ALL_KINDS = List.of(ActivityKind.values());

	private static final List<ActivityKind> CLIENT_KINDS = Arrays.stream(ActivityKind.values())
		.filter(ActivityKind::isClientVisible)
		.toList();

	private static final List<String> CLIENT_KIND_NAMES = CLIENT_KINDS.stream().map(ActivityKind::name).toList();

	/** The most entries one read of a contact's activity returns. */
	public static final int MAX_CONTACT_ENTRIES = 100;

	/** What a client does: sign in, look at, approve, decline or question an estimate, pay. */
	static final List<ActivityKind> CLIENT_ACTIVITY_KINDS = List.of(ActivityKind.CLIENT_SIGNED_IN,
			ActivityKind.ESTIMATE_VIEWED, ActivityKind.ESTIMATE_APPROVED, ActivityKind.ESTIMATE_DECLINED,
			ActivityKind.ESTIMATE_CHANGES_REQUESTED, ActivityKind.PAYMENT_RECEIVED, ActivityKind.INVOICE_PAID);

	/** Payments: recorded by staff or the payment provider's webhook, they count for the project's primary contact. */
	static final List<ActivityKind> PAYMENT_KINDS = List.of(ActivityKind.PAYMENT_RECEIVED, ActivityKind.INVOICE_PAID);

	private final ProjectActivities activities;

	private final CurrentTenant tenant;

	private final Clock clock;

	ProjectTimeline(ProjectActivities activities, CurrentTenant tenant, Clock clock) {
		this.activities = activities;
		this.tenant = tenant;
		this.clock = clock;
	}

	/**
	 * Appends an entry to a project's timeline, now, in the caller's transaction (there must be one).
	 *
	 * @param projectId a project of the current workspace
	 * @param kind what happened; {@link ActivityKind#isClientVisible()} decides whether the portal shows it
	 * @param actor who did it, as {@link #currentActor()} names the caller (or {@code "system"})
	 * @param summary one line for people, at most 500 characters; shown to the client for client-visible
	 * kinds, so never internal notes
	 * @param subjectId what it is about (an estimate, an appointment, a contact), or null
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ProjectActivity record(UUID projectId, ActivityKind kind, String actor, String summary, UUID subjectId) {
		return recordAt(now(), projectId, kind, actor, summary, subjectId);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	ProjectActivity recordAt(Instant occurredAt, UUID projectId, ActivityKind kind, String actor, String summary,
			UUID subjectId) {
		this.tenant.requireWorkspace();
		return this.activities
			.save(new ProjectActivity(projectId, occurredAt.truncatedTo(ChronoUnit.MICROS), kind, actor, summary,
					subjectId));
	}

	/**
	 * Who the current caller is, as timeline entries name actors: {@code staff:<id>}, {@code contact:<id>},
	 * {@code service:<client id>}, or {@code system} for work without a caller (a consumer).
	 */
	public String currentActor() {
		return this.tenant.find().map(ProjectTimeline::actorOf).orElse("system");
	}

	/** How a contact appears as an actor. */
	public static String contactActor(UUID contactId) {
		return "contact:" + contactId;
	}

	private static String actorOf(Tenant tenant) {
		return switch (tenant.kind()) {
			case CLIENT -> contactActor(tenant.contactId());
			case STAFF -> "staff:" + tenant.subject();
			case SERVICE -> "system".equals(tenant.subject()) ? "system" : "service:" + tenant.subject();
		};
	}

	/**
	 * A project's entries after {@code since} (all when null), newest first, at most {@link #MAX_ENTRIES}.
	 * The caller has checked that the project may be seen.
	 * @param clientView only the kinds the portal shows
	 */
	@Transactional(readOnly = true)
	public List<ProjectActivity> entries(UUID projectId, Instant since, boolean clientView) {
		return this.activities.findRecent(projectId, (since != null) ? since : Instant.EPOCH,
				clientView ? CLIENT_KINDS : ALL_KINDS, Limit.of(MAX_ENTRIES));
	}

	/**
	 * For the back office: what a contact did across the workspace's projects it sees (primary or added
	 * contact), newest first, in one query: its sign-ins, estimate views, approvals, declines and change
	 * requests (entries whose actor is the contact), and the payments of the projects it is the primary
	 * contact of (a payment's actor is staff or the payment provider, not the contact). The caller has
	 * checked that the contact is one of the workspace's.
	 * @param limit at most this many, 1 to {@link #MAX_CONTACT_ENTRIES}
	 */
	@Transactional(readOnly = true)
	public List<ContactActivityEntry> clientActivity(UUID contactId, int limit) {
		return this.activities.findByContact(contactId, contactActor(contactId), CLIENT_ACTIVITY_KINDS,
				PAYMENT_KINDS, Limit.of(Math.min(limit, MAX_CONTACT_ENTRIES)));
	}

	/**
	 * For the portal: how many client-visible entries each project got after {@code since} (all when
	 * null), leaving out what the contact did themselves. Projects without any are missing from the map.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Long> clientChangesSince(VisibleProjects visible, Instant since) {
		if (visible.isEmpty()) {
			return Map.of();
		}
		return this.activities
			.countSince(visible.workspaceId(), visible.ids(), (since != null) ? since : Instant.EPOCH, CLIENT_KIND_NAMES,
					contactActor(visible.contactId()))
			.stream()
			.collect(Collectors.toMap(ProjectActivities.ChangeCount::getProjectId,
					ProjectActivities.ChangeCount::getChanges));
	}

	private Instant now() {
		return this.clock.instant();
	}
}
