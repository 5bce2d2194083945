package com.coastline.project.contact.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import com.coastline.project.contact.Contact;
import com.coastline.project.contact.ContactManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Back-office API for the contacts of the caller's workspace. Every change publishes the contact's
 * whole state ({@code ContactUpserted}) or its archiving ({@code ContactArchived}) on {@code project.events}.
 */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

	private final ContactManagement contacts;

	ContactController(ContactManagement contacts) {
		this.contacts = contacts;
	}

	/** Creates an active contact: 201 with its {@code Location}. */
	@PostMapping
	ResponseEntity<ContactResponse> create(@Valid @RequestBody ContactRequest request) {
		Contact contact = this.contacts.create(request.toDetails());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(contact.getId()).toUri();
		return ResponseEntity.created(location).body(ContactResponse.of(contact));
	}

	/** The contact; 404 if it is not one of this workspace's. */
	@GetMapping("/{id}")
	ContactResponse find(@PathVariable UUID id) {
		return ContactResponse.of(this.contacts.find(id));
	}

	/**
	 * The workspace's contacts, oldest first; with {@code email}, those with that address (compared
	 * normalised), so that a caller can create a contact only if it is not there yet.
	 */
	@GetMapping
	List<ContactResponse> list(@RequestParam(required = false) String email) {
		List<Contact> found = (email != null) ? this.contacts.findByEmail(email) : this.contacts.findAll();
		return found.stream().map(ContactResponse::of).toList();
	}

	/** Replaces the contact's details; 409 if it is archived. Unchanged details publish nothing. */
	@PutMapping("/{id}")
	ContactResponse update(@PathVariable UUID id, @Valid @RequestBody ContactRequest request) {
		return ContactResponse.of(this.contacts.update(id, request.toDetails()));
	}

	/** Archives the contact; 409 if it already is. */
	@PostMapping("/{id}/archive")
	ContactResponse archive(@PathVariable UUID id) {
		return ContactResponse.of(this.contacts.archive(id));
	}
}
