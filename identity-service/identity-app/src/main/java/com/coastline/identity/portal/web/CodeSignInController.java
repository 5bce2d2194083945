package com.coastline.identity.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.identity.portal.PortalCodeSignIn;
import com.coastline.identity.portal.PortalSessions;
import com.coastline.identity.signin.SignInCodes;
import com.coastline.identity.signin.web.CodeRefused;
import com.coastline.identity.staff.EmailAddresses;
import com.coastline.identity.staff.web.SingleEmailAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email-code sign-in for the portal gateway: ask for a code (always 202, whatever the email), verify it
 * in its attempt (a session, or the contacts to choose from), choose. The gateway keeps the attempt in a
 * short-lived pre-session cookie and relays the browser's IP and user agent.
 */
@Tag(name = "Portal gateway: email codes")
@RestController
@RequestMapping("/internal/codes")
class CodeSignInController {

	private final PortalCodeSignIn signIn;

	CodeSignInController(PortalCodeSignIn signIn) {
		this.signIn = signIn;
	}

	/**
	 * @param workspaceId the workspace whose portal the client is at
	 * @param attempt the attempt secret the gateway holds for this browser, if any
	 */
	record CodeRequest(@NotNull UUID workspaceId, @NotBlank @SingleEmailAddress String email,
			@Size(max = 256) String attempt, @Size(max = 64) String ip, String userAgent) {
	}

	record AttemptView(String attempt, Instant expiresAt) {
	}

	record CodeEntry(@NotBlank @Size(max = 256) String attempt,
			@NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the code") String code,
			@Size(max = 64) String ip, String userAgent) {
	}

	record Choice(@NotBlank @Size(max = 256) String attempt, @NotNull UUID contactId, @Size(max = 64) String ip,
			String userAgent) {
	}

	record ContactChoice(UUID contactId, String firstName, String lastName) {
	}

	record Choices(List<ContactChoice> contacts) {
	}

	@Operation(summary = "Ask for a sign-in code (always 202, whatever the email)")
	@PostMapping
	ResponseEntity<AttemptView> request(@Valid @RequestBody CodeRequest request) {
		SignInCodes.Requested requested = this.signIn.request(request.workspaceId(),
				EmailAddresses.normalise(request.email()), request.attempt(), request.ip(), request.userAgent());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.cacheControl(CacheControl.noStore())
			.body(new AttemptView(requested.attempt(), requested.expiresAt()));
	}

	/** 201 with a session; 200 with the contacts to choose from; 401 {@code code-refused} otherwise. */
	@Operation(summary = "Verify a code in its attempt: a session, or the contacts to choose from")
	@PostMapping("/verify")
	ResponseEntity<?> verify(@Valid @RequestBody CodeEntry entry) {
		PortalCodeSignIn.Outcome outcome = this.signIn.verify(entry.attempt(), entry.code(), entry.ip(),
				entry.userAgent());
		return switch (outcome) {
			case PortalCodeSignIn.SignedIn signedIn -> started(signedIn.session());
			case PortalCodeSignIn.Choose choose -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(new Choices(choose.contacts()
					.stream()
					.map(contact -> new ContactChoice(contact.contactId(), contact.firstName(), contact.lastName()))
					.toList()));
			case PortalCodeSignIn.Refused refused -> throw new CodeRefused(refused.attemptsLeft());
		};
	}

	@Operation(summary = "Continue a verified attempt as one of the email's contacts")
	@PostMapping("/choose")
	ResponseEntity<GatewayController.SessionStarted> choose(@Valid @RequestBody Choice choice) {
		return started(this.signIn.choose(choice.attempt(), choice.contactId(), choice.ip(), choice.userAgent())
			.orElseThrow(() -> new CodeRefused(0)));
	}

	private static ResponseEntity<GatewayController.SessionStarted> started(PortalSessions.Created created) {
		PortalSessions.Session session = created.session();
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new GatewayController.SessionStarted(created.secret(), session.contactId(), session.workspaceId(),
					session.projectId(), session.expiresAt()));
	}
}
