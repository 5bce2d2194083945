package com.coastline.backoffice.screens.access;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.coastline.backoffice.screens.access.AccessApi.ActivityEntry;

/**
 * What a client did, as project-service reads it from the timelines of the projects the client sees in one call
 * ({@code GET /api/contacts/{id}/activity}): their sign-ins, estimate views, approvals, declines and change
 * requests, and the payments of the projects they are the primary contact of. Which entries count is
 * project-service's rule; the panel only puts them in words.
 *
 * @param entries the newest first, at most {@link #SHOWN}
 */
record ClientActivity(List<Entry> entries) {

	/** How many entries the panel asks for and shows. */
	static final int SHOWN = 25;

	private static final Map<String, String> LABELS = Map.of("CLIENT_SIGNED_IN", "Signed in", "ESTIMATE_VIEWED",
			"Viewed an estimate", "ESTIMATE_APPROVED", "Approved an estimate", "ESTIMATE_DECLINED",
			"Declined an estimate", "ESTIMATE_CHANGES_REQUESTED", "Asked for changes", "PAYMENT_RECEIVED", "Paid",
			"INVOICE_PAID", "Invoice paid in full");

	/** The entries project-service answered, newest first (sorted again: the order is the panel's promise). */
	static ClientActivity of(List<ActivityEntry> found) {
		return new ClientActivity(found.stream()
			.map((entry) -> new Entry(entry.occurredAt(), entry.kind(),
					LABELS.getOrDefault(entry.kind(), String.valueOf(entry.kind())), entry.summary(),
					entry.projectName()))
			.sorted(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())))
			.limit(SHOWN)
			.toList());
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
