package com.coastline.backoffice.screens.billing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import com.coastline.backoffice.screens.UserAgents;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The client's answers to an estimate's versions, as project-service's {@code GET /api/estimates/{id}} returns them
 * (each version's {@code answeredAt}, {@code answeredByContactId}, {@code clientMessage} and, once approved, its
 * {@code approval} evidence), and how the estimate's page words them: who answered, when (in the workspace's time
 * zone), and for an approval from where and the document's fingerprint.
 *
 * @param versions the versions, oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EstimateAnswers(List<Answered> versions) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.ENGLISH);

	private static final Map<String, String> VERBS = Map.of("APPROVED", "Approved", "DECLINED", "Declined",
			"CHANGES_REQUESTED", "Changes requested");

	/** Whether the client answered no version yet. */
	boolean none() {
		return answered().isEmpty();
	}

	/** The contacts to name: everyone who answered a version (or signed an approval). */
	List<UUID> contactIds() {
		return answered().stream()
			.flatMap((version) -> Stream.of(version.answeredByContactId(),
					(version.approval() != null) ? version.approval().signerContactId() : null))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	/**
	 * The answers to show, the newest first.
	 * @param zone the workspace's time zone (UTC when identity cannot say)
	 * @param names the answering contacts' names by id (a contact missing here is "the client")
	 */
	List<Answer> shown(ZoneId zone, Map<UUID, String> names) {
		return answered().reversed().stream().map((version) -> version.answer(zone, names)).toList();
	}

	private List<Answered> answered() {
		return (this.versions == null) ? List.of()
				: this.versions.stream().filter((version) -> VERBS.containsKey(version.status())).toList();
	}

	/** "28 Nov 2026 at 14:05 (America/Denver)". */
	static String when(Instant instant, ZoneId zone) {
		return (instant != null) ? WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")" : "";
	}

	/**
	 * A version with the client's answer.
	 *
	 * @param number its number
	 * @param status {@code APPROVED}, {@code DECLINED}, {@code CHANGES_REQUESTED} (others are left out)
	 * @param answeredAt when the client answered
	 * @param answeredByContactId the contact who answered
	 * @param clientMessage the message with a decline or a change request, or null
	 * @param approval the approval evidence, or null
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Answered(int number, String status, Instant answeredAt, UUID answeredByContactId, String clientMessage,
			Evidence approval) {

		Answer answer(ZoneId zone, Map<UUID, String> names) {
			String contact = (this.answeredByContactId != null) ? names.get(this.answeredByContactId) : null;
			if (this.approval != null) {
				String signer = (this.approval.signerContactId() != null) ? names.get(this.approval.signerContactId())
						: contact;
				return new Answer(this.number, VERBS.get(this.status), this.approval.signedName(),
						when(this.approval.approvedAt(), zone), this.approval.ip(),
						UserAgents.shorten(this.approval.userAgent()), this.approval.userAgent(), signer,
						this.approval.signerContactId(), null, this.approval.contentSha256());
			}
			return new Answer(this.number, VERBS.get(this.status), (contact != null) ? contact : "the client",
					when(this.answeredAt, zone), null, null, null, null, this.answeredByContactId,
					blankToNull(this.clientMessage), null);
		}

		private static String blankToNull(String text) {
			return (text == null || text.isBlank()) ? null : text;
		}
	}

	/**
	 * project-service's approval evidence.
	 *
	 * @param signerContactId the contact signed in to the portal
	 * @param signedName the full name they typed as signature
	 * @param approvedAt when
	 * @param ip their IP address
	 * @param userAgent their user agent, or null
	 * @param contentSha256 the SHA-256 of the approved version's canonical content
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Evidence(UUID signerContactId, String signedName, Instant approvedAt, String ip, String userAgent,
			String contentSha256) {
	}

	/**
	 * One answer as the page shows it.
	 *
	 * @param number the version answered
	 * @param verb "Approved", "Declined" or "Changes requested"
	 * @param by the signed name (approval) or the contact's name
	 * @param when when, in the workspace's time zone
	 * @param ip the signer's IP address (approval only)
	 * @param agent the signer's user agent, shortened (approval only; null when the browser sent none)
	 * @param fullAgent the user agent as recorded
	 * @param signer the name of the contact signed in when approving, or null if unknown
	 * @param contactId the contact who answered, to link to, or null
	 * @param message the client's message, or null
	 * @param fingerprint the approved content's SHA-256 ("Document fingerprint"), or null
	 */
	public record Answer(int number, String verb, String by, String when, String ip, String agent, String fullAgent,
			String signer, UUID contactId, String message, String fingerprint) {

		public boolean approval() {
			return this.fingerprint != null || this.ip != null;
		}

		/**
		 * "Approved by Dana Reyes on 2 Dec 2026 at 09:14 (America/Denver) from 203.0.113.7 (Chrome 131 on macOS)",
		 * "Declined by Dana Reyes on 2 Dec 2026 at 09:14 (America/Denver)".
		 */
		public String sentence() {
			StringBuilder sentence = new StringBuilder(this.verb).append(" by ").append(this.by);
			if (!this.when.isEmpty()) {
				sentence.append(" on ").append(this.when);
			}
			if (this.ip != null) {
				sentence.append(" from ").append(this.ip);
			}
			if (this.agent != null) {
				sentence.append(" (").append(this.agent).append(")");
			}
			return sentence.toString();
		}
	}
}
