package com.coastline.backoffice.screens.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The back-office APIs the portal access panel reads and changes, with the member's staff JWT through
 * {@link ServiceCalls}: the contact, its projects and its activity across them (project-service), its links and sessions
 * (identity-service), its email deliveries (notification-service). The services' READMEs have the fields.
 */
@Component
class AccessApi {

	/** How many of the contact's deliveries the panel shows. */
	static final int DELIVERIES = 25;

	private final ServiceCalls calls;

	AccessApi(ServiceCalls calls) {
		this.calls = calls;
	}

	Contact contact(StaffToken token, UUID contactId) {
		return this.calls.get(token, Service.PROJECT, Contact.class, "/api/contacts/{id}", contactId);
	}

	List<Project> projects(StaffToken token) {
		return this.calls.list(token, Service.PROJECT, new ParameterizedTypeReference<>() {
		}, "/api/projects");
	}

	/** What the client did across its projects, newest first, at most {@link ClientActivity#SHOWN}: one call. */
	List<ActivityEntry> activity(StaffToken token, UUID contactId) {
		return this.calls.list(token, Service.PROJECT, new ParameterizedTypeReference<>() {
		}, "/api/contacts/{id}/activity?limit={limit}", contactId, ClientActivity.SHOWN);
	}

	List<Link> links(StaffToken token, UUID contactId) {
		return this.calls.list(token, Service.IDENTITY, new ParameterizedTypeReference<>() {
		}, "/api/contacts/{id}/links", contactId);
	}

	List<Session> sessions(StaffToken token, UUID contactId) {
		return this.calls.list(token, Service.IDENTITY, new ParameterizedTypeReference<>() {
		}, "/api/contacts/{id}/sessions", contactId);
	}

	void revokeLink(StaffToken token, UUID contactId, UUID linkId) {
		this.calls.send(token, Service.IDENTITY, HttpMethod.DELETE, null, Void.class,
				"/api/contacts/{id}/links/{linkId}", contactId, linkId);
	}

	void revokeAllLinks(StaffToken token, UUID contactId) {
		this.calls.send(token, Service.IDENTITY, HttpMethod.DELETE, null, Void.class, "/api/contacts/{id}/links",
				contactId);
	}

	/** Ends one session, by its id in {@link #sessions}; identity answers 404 when the contact has no such session. */
	void endSession(StaffToken token, UUID contactId, UUID sessionId) {
		this.calls.send(token, Service.IDENTITY, HttpMethod.DELETE, null, Void.class,
				"/api/contacts/{id}/sessions/{sessionId}", contactId, sessionId);
	}

	void endAllSessions(StaffToken token, UUID contactId) {
		this.calls.send(token, Service.IDENTITY, HttpMethod.DELETE, null, Void.class, "/api/contacts/{id}/sessions",
				contactId);
	}

	List<Delivery> deliveries(StaffToken token, UUID contactId) {
		return this.calls.list(token, Service.NOTIFICATION, new ParameterizedTypeReference<>() {
		}, "/api/deliveries?contactId={id}&limit={limit}", contactId, DELIVERIES);
	}

	/** A contact (project-service). */
	record Contact(UUID id, String firstName, String lastName, String email, boolean archived) {

		public String name() {
			return (nonNull(this.firstName) + " " + nonNull(this.lastName)).strip();
		}

		private static String nonNull(String value) {
			return (value != null) ? value : "";
		}
	}

	/** A project (project-service): the panel names the projects of links and sessions with it. */
	record Project(UUID id, String name) {
	}

	/**
	 * One thing the client did (project-service's contact activity): a timeline entry with its project;
	 * {@code actor} is {@code contact:<id>}, or for a payment whoever recorded it.
	 */
	record ActivityEntry(UUID id, Instant occurredAt, String kind, String actor, String summary, UUID subjectId,
			UUID projectId, String projectName) {
	}

	/** A one-tap link of the contact (identity-service); never its token. */
	record Link(UUID id, UUID projectId, String issuedBy, Instant issuedAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt, String revokedReason, boolean active) {
	}

	/** A live portal session of the contact (identity-service); never its secret id. */
	record Session(UUID id, UUID linkId, UUID projectId, String method, Instant createdAt, Instant lastSeenAt,
			Instant expiresAt, String ip, String userAgent) {
	}

	/** An email delivery (notification-service); the recipient masked, never the content. */
	record Delivery(UUID id, String kind, String recipient, String status, int attempts, Instant requestedAt,
			Instant sentAt, Instant failedAt, String lastError, Instant recipientUndeliverableUntil) {
	}
}
