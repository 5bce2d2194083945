package com.coastline.backoffice.screens.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.coastline.backoffice.screens.access.AccessApi.Project;
import com.coastline.backoffice.screens.access.AccessApi.TimelineEntry;

/**
 * What a client did, read from the timelines of the projects they see (no service records a contact's activity
 * across projects): their sign-ins, estimate views, approvals, declines and change requests (entries whose actor
 * is the contact), and the payments of the projects they are the primary contact of (an online payment's actor is
 * the payment provider's webhook, not the contact).
 *
 * @param entries the newest first, at most {@link #SHOWN}
 * @param projectsRead how many of the contact's projects were read (at most {@link #PROJECTS})
 * @param projectsSeen how many projects the contact sees
 */
record ClientActivity(List<Entry> entries, int projectsRead, int projectsSeen) {

	/** The contact's most recently changed projects whose timelines are read. */
	static final int PROJECTS = 10;

	static final int SHOWN = 30;

	private static final Set<String> BY_THE_CLIENT = Set.of("CLIENT_SIGNED_IN", "ESTIMATE_VIEWED", "ESTIMATE_APPROVED",
			"ESTIMATE_DECLINED", "ESTIMATE_CHANGES_REQUESTED", "PAYMENT_RECEIVED", "INVOICE_PAID");

	private static final Set<String> PAYMENTS = Set.of("PAYMENT_RECEIVED", "INVOICE_PAID");

	private static final Map<String, String> LABELS = Map.of("CLIENT_SIGNED_IN", "Signed in", "ESTIMATE_VIEWED",
			"Viewed an estimate", "ESTIMATE_APPROVED", "Approved an estimate", "ESTIMATE_DECLINED",
			"Declined an estimate", "ESTIMATE_CHANGES_REQUESTED", "Asked for changes", "PAYMENT_RECEIVED", "Paid",
			"INVOICE_PAID", "Invoice paid in full");

	/** The projects whose timelines to read: those the contact sees, most recently changed first. */
	static List<Project> projectsOf(UUID contactId, List<Project> projects) {
		return projects.stream()
			.filter((project) -> project.seenBy(contactId))
			.sorted(Comparator.comparing(Project::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	/** The contact's entries among the timelines, by project. */
	static ClientActivity of(UUID contactId, List<Project> seen, Map<Project, List<TimelineEntry>> timelines) {
		String actor = "contact:" + contactId;
		List<Entry> entries = new ArrayList<>();
		timelines.forEach((project, timeline) -> timeline.stream()
			.filter((entry) -> BY_THE_CLIENT.contains(entry.kind()))
			.filter((entry) -> actor.equals(entry.actor())
					|| (PAYMENTS.contains(entry.kind()) && contactId.equals(project.primaryContactId())))
			.forEach((entry) -> entries.add(new Entry(entry.occurredAt(), entry.kind(), LABELS.get(entry.kind()),
					entry.summary(), project.name()))));
		entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
		return new ClientActivity(List.copyOf(entries.subList(0, Math.min(SHOWN, entries.size()))), timelines.size(),
				seen.size());
	}

	/** When the client last did something of one of these kinds. */
	Optional<Instant> last(String... kinds) {
		Set<String> wanted = Set.of(kinds);
		return this.entries.stream().filter((entry) -> wanted.contains(entry.kind())).map(Entry::at).findFirst();
	}

	Optional<Instant> lastViewedEstimate() {
		return last("ESTIMATE_VIEWED");
	}

	Optional<Instant> lastApproved() {
		return last("ESTIMATE_APPROVED");
	}

	Optional<Instant> lastPaid() {
		return last("PAYMENT_RECEIVED", "INVOICE_PAID");
	}

	/**
	 * One thing the client did.
	 *
	 * @param at when
	 * @param kind the timeline's kind
	 * @param label the kind for people
	 * @param summary project-service's line about it
	 * @param projectName the project it happened in
	 */
	record Entry(Instant at, String kind, String label, String summary, String projectName) {
	}
}
