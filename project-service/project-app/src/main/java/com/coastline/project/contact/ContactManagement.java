package com.coastline.project.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.project.contact.messaging.ContactEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases on contacts. Every change is flushed before its event is published, so that the event
 * carries the version the change produced; the event is recorded in the same transaction (outbox).
 */
@Service
@Transactional
public class ContactManagement {

	private final Contacts contacts;

	private final CurrentTenant currentTenant;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ContactManagement(Contacts contacts, CurrentTenant currentTenant, ApplicationEventPublisher events, Clock clock) {
		this.contacts = contacts;
		this.currentTenant = currentTenant;
		this.events = events;
		this.clock = clock;
	}

	public Contact create(ContactDetails details) {
		// Rows are stamped with the current workspace; never create one for a token without it.
		this.currentTenant.requireWorkspace();
		Contact contact = this.contacts.saveAndFlush(Contact.create(details, now()));
		this.events.publishEvent(ContactEvents.upserted(contact));
		return contact;
	}

	/** Replaces the details; unchanged details change nothing and publish nothing. */
	public Contact update(UUID id, ContactDetails details) {
		Contact contact = this.contacts.lockById(id).orElseThrow(() -> notFound(id));
		if (contact.update(details, now())) {
			this.contacts.flush();
			this.events.publishEvent(ContactEvents.upserted(contact));
		}
		return contact;
	}

	public Contact archive(UUID id) {
		Contact contact = this.contacts.lockById(id).orElseThrow(() -> notFound(id));
		contact.archive(now());
		this.contacts.flush();
		this.events.publishEvent(ContactEvents.archived(contact));
		return contact;
	}

	@Transactional(readOnly = true)
	public Contact find(UUID id) {
		return this.contacts.findById(id).orElseThrow(() -> notFound(id));
	}

	/** The contact if it exists in this workspace and is not archived. */
	@Transactional(readOnly = true)
	public Optional<Contact> findActive(UUID id) {
		return this.contacts.findById(id).filter(contact -> !contact.isArchived());
	}

	/** The contacts with this email (several contacts may share one), archived ones included. */
	@Transactional(readOnly = true)
	public List<Contact> findByEmail(String email) {
		return this.contacts.findByEmailOrderByCreatedAtAsc(EmailAddresses.normalise(email));
	}

	@Transactional(readOnly = true)
	public List<Contact> findAll() {
		return this.contacts.findAllByOrderByCreatedAtAsc();
	}

	/** Microseconds, as PostgreSQL stores them: events then carry exactly the instants that were saved. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("Contact", id);
	}
}
