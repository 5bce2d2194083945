package com.coastline.identity.staff.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.Currency;

import com.coastline.identity.staff.SignUps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up of a contractor business with its owner. Meant to be public behind the back-office gateway
 * (which will add CSRF and rate limits); until then it needs an admin client's token.
 */
@RestController
@Tag(name = "Staff")
class SignUpController {

	private final SignUps signUps;

	private final StaffAccess access;

	SignUpController(SignUps signUps, StaffAccess access) {
		this.signUps = signUps;
		this.access = access;
	}

	/** 201 with the workspace and its active owner; {@code WorkspaceCreated} is published as for any workspace. */
	@Operation(summary = "Sign a contractor business up with its owner (admin client for now)",
			description = "201 with the workspace and its active owner, created in one transaction; publishes "
				+ "WorkspaceCreated.")
	@ApiResponse(responseCode = "201", description = "Created")
	@PostMapping("/api/signups")
	ResponseEntity<SignUpView> signUp(@Valid @RequestBody SignUpRequest request) {
		this.access.requireAdmin();
		SignUpView created = SignUpView.of(this.signUps.signUp(request.workspaceName(), ZoneId.of(request.timeZone()),
				Currency.getInstance(request.currency()), request.ownerEmail(), request.ownerName()));
		return ResponseEntity.created(URI.create("/api/workspaces/" + created.workspace().id())).body(created);
	}
}
