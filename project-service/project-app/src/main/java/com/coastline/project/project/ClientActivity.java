package com.coastline.project.project;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.contact.ContactManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What clients did outside this service (learnt from identity-service's events), recorded on the
 * timelines of the projects they see, so that the contractor knows when a client last looked.
 */
@Service
public class ClientActivity {

	private final ProjectAccess access;

	private final ProjectTimeline timeline;

	private final ContactManagement contacts;

	ClientActivity(ProjectAccess access, ProjectTimeline timeline, ContactManagement contacts) {
		this.access = access;
		this.timeline = timeline;
		this.contacts = contacts;
	}

	/**
	 * A contact of the current workspace signed in to the portal: one entry on every project it sees
	 * now. A contact this service does not know (or that sees no project) records nothing. Runs in the
	 * consumer's transaction, which also marks the message processed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void signedIn(UUID contactId, String method, Instant signedInAt) {
		String who = this.contacts.findActive(contactId)
			.map(contact -> contact.getFirstName() + " " + contact.getLastName())
			.orElse("The client");
		String how = "code".equals(method) ? " with an email code" : " with a one-tap link";
		for (UUID projectId : this.access.projectIdsVisibleTo(contactId)) {
			this.timeline.recordAt(signedInAt, projectId, ActivityKind.CLIENT_SIGNED_IN,
					ProjectTimeline.contactActor(contactId), who + " signed in to the portal" + how, contactId);
		}
	}
}
