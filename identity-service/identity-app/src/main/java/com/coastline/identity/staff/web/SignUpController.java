package com.coastline.identity.staff.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.Currency;

import com.coastline.identity.staff.SignUps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up of a contractor business with its owner: public through the back-office gateway's sign-up page
 * ({@code POST /internal/staff/signups}, only for the {@code backoffice-gateway} client, which relays the
 * browser's IP and user agent and owns CSRF; identity limits sign-ups per IP), and for admin clients
 * ({@code POST /api/signups}).
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

	/**
	 * The public sign-up, relayed by the back-office gateway (scope {@code staff-gateway}): 201 as above,
	 * 429 with {@code Retry-After} when the browser's IP has signed up too many workspaces. The owner then
	 * signs in with an email code like any staff member.
	 */
	@Operation(summary = "Sign a contractor business up from the back-office gateway's public page",
			description = "201 with the workspace and its active owner; 429 with Retry-After over the per-IP "
				+ "sign-up limit; publishes WorkspaceCreated.")
	@ApiResponse(responseCode = "201", description = "Created")
	@PostMapping("/internal/staff/signups")
	ResponseEntity<SignUpView> signUpFromGateway(@Valid @RequestBody GatewaySignUpRequest request) {
		SignUpView created = SignUpView.of(this.signUps.signUpFrom(request.ip(), request.userAgent(),
				request.workspaceName(), ZoneId.of(request.timeZone()), Currency.getInstance(request.currency()),
				request.ownerEmail(), request.ownerName()));
		return ResponseEntity.created(URI.create("/api/workspaces/" + created.workspace().id()))
			.cacheControl(CacheControl.noStore())
			.body(created);
	}
}
