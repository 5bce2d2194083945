package com.coastline.identity.staff.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.coastline.identity.staff.StaffManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff of the token's workspace. Owners (or an admin client acting for the workspace) invite and
 * remove; any staff member of the workspace reads. Another workspace's members answer 404.
 */
@RestController
@Tag(name = "Staff", description = "The back-office staff of the token's workspace.")
@RequestMapping("/api/staff")
class StaffController {

	private final StaffManagement staff;

	private final StaffAccess access;

	StaffController(StaffManagement staff, StaffAccess access) {
		this.staff = staff;
		this.access = access;
	}

	/** 201 with the invited member ({@code INVITED}); publishes {@code StaffInvited}. 409 if the email is already here. */
	@Operation(summary = "Invite a staff member (owner)",
			description = "201 with the member (INVITED); publishes StaffInvited; 409 if the email is already "
				+ "invited or active here.")
	@ApiResponse(responseCode = "201", description = "Created")
	@PostMapping
	ResponseEntity<StaffView> invite(@Valid @RequestBody StaffInvitation invitation) {
		this.access.requireOwner();
		StaffView invited = StaffView
			.of(this.staff.invite(invitation.email(), invitation.name(), invitation.staffRole()));
		return ResponseEntity.created(URI.create("/api/staff/" + invited.id())).body(invited);
	}

	/** The workspace's invited and active staff, oldest invitation first. */
	@Operation(summary = "List the workspace's invited and active staff", description = "Oldest invitation first.")
	@GetMapping
	List<StaffView> list() {
		this.access.requireBackOffice();
		return this.staff.list().stream().map(StaffView::of).toList();
	}

	/** One member of the workspace (removed ones too). */
	@Operation(summary = "Read one staff member of the workspace",
			description = "Removed ones too; 404 for another workspace's.")
	@GetMapping("/{id}")
	StaffView get(@PathVariable UUID id) {
		this.access.requireBackOffice();
		return StaffView.of(this.staff.find(id));
	}

	/** Removes a member (204, also when already removed); 409 for the last active owner. */
	@Operation(summary = "Remove a staff member (owner)",
			description = "204, also when already removed; 409 for the last active owner.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		this.access.requireOwner();
		this.staff.remove(id);
		return ResponseEntity.noContent().build();
	}
}
