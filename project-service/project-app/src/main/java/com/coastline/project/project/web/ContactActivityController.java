package com.coastline.project.project.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.coastline.project.contact.ContactManagement;
import com.coastline.project.project.ProjectTimeline;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Back-office API for what a client did across the workspace's projects (the back office's portal access
 * panel): the timeline entries of {@link ProjectTimeline#clientActivity} in one read, instead of one timeline
 * per project.
 */
@RestController
class ContactActivityController {

	private final ContactManagement contacts;

	private final ProjectTimeline timeline;

	ContactActivityController(ContactManagement contacts, ProjectTimeline timeline) {
		this.contacts = contacts;
		this.timeline = timeline;
	}

	/** The contact's activity, newest first; 404 if it is not one of this workspace's contacts, 400 for a bad limit. */
	@GetMapping("/api/contacts/{contactId}/activity")
	List<ContactActivityResponse> activity(@PathVariable UUID contactId,
			@RequestParam(defaultValue = "25") @Min(1) @Max(ProjectTimeline.MAX_CONTACT_ENTRIES) int limit) {
		this.contacts.find(contactId);
		return this.timeline.clientActivity(contactId, limit).stream().map(ContactActivityResponse::of).toList();
	}
}
