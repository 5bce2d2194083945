package com.coastline.identity.staff.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.identity.signin.SignInCodes;
import com.coastline.identity.signin.web.CodeRefused;
import com.coastline.identity.staff.EmailAddresses;
import com.coastline.identity.staff.StaffCodeSignIn;
import com.coastline.identity.staff.StaffSessions;
import com.coastline.identity.token.SessionJwts;
import com.coastline.platform.web.problem.ProblemException;
import com.coastline.platform.web.problem.ProblemType;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff sign-in for the back-office gateway (service token with scope {@code staff-gateway}): email codes,
 * the workspace choice, the swap of a staff session for a short-lived staff token, sign out.
 */
@Tag(name = "Back-office gateway: staff sign-in")
@RestController
@RequestMapping("/internal/staff")
class StaffSignInController {

	private final StaffCodeSignIn signIn;

	private final StaffSessions sessions;

	StaffSignInController(StaffCodeSignIn signIn, StaffSessions sessions) {
		this.signIn = signIn;
		this.sessions = sessions;
	}

	record CodeRequest(@NotBlank @SingleEmailAddress String email, @Size(max = 256) String attempt,
			@Size(max = 64) String ip, String userAgent) {
	}

	record AttemptView(String attempt, Instant expiresAt) {
	}

	record CodeEntry(@NotBlank @Size(max = 256) String attempt,
			@NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the code") String code,
			@Size(max = 64) String ip, String userAgent) {
	}

	record Choice(@NotBlank @Size(max = 256) String attempt, @NotNull UUID workspaceId, @Size(max = 64) String ip,
			String userAgent) {
	}

	record Choices(List<StaffCodeSignIn.WorkspaceChoice> workspaces) {
	}

	/** {@code sessionId} is the session's secret id (the back office's cookie value): shown here once. */
	record SessionStarted(String sessionId, UUID staffId, UUID workspaceId, String role, Instant expiresAt) {
	}

	record SessionRef(String sessionId, String ip, String userAgent) {
	}

	record AccessToken(String accessToken, String tokenType, long expiresIn) {
	}

	@Operation(summary = "Ask for a staff sign-in code (always 202, whatever the email)")
	@PostMapping("/codes")
	ResponseEntity<AttemptView> request(@Valid @RequestBody CodeRequest request) {
		SignInCodes.Requested requested = this.signIn.request(EmailAddresses.normalise(request.email()),
				request.attempt(), request.ip(), request.userAgent());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.cacheControl(CacheControl.noStore())
			.body(new AttemptView(requested.attempt(), requested.expiresAt()));
	}

	/** 201 with a session; 200 with the workspaces to choose from; 401 {@code code-refused} otherwise. */
	@Operation(summary = "Verify a staff code: a session, or the workspaces to choose from")
	@PostMapping("/codes/verify")
	ResponseEntity<?> verify(@Valid @RequestBody CodeEntry entry) {
		return switch (this.signIn.verify(entry.attempt(), entry.code(), entry.ip(), entry.userAgent())) {
			case StaffCodeSignIn.SignedIn signedIn -> started(signedIn.session());
			case StaffCodeSignIn.Choose choose ->
				ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Choices(choose.workspaces()));
			case StaffCodeSignIn.Refused refused -> throw new CodeRefused(refused.attemptsLeft());
		};
	}

	@Operation(summary = "Continue a verified attempt in one of the email's workspaces")
	@PostMapping("/codes/choose")
	ResponseEntity<SessionStarted> choose(@Valid @RequestBody Choice choice) {
		return started(this.signIn.choose(choice.attempt(), choice.workspaceId(), choice.ip(), choice.userAgent())
			.orElseThrow(() -> new CodeRefused(0)));
	}

	@Operation(summary = "Swap a staff session for a 60-second staff JWT")
	@PostMapping("/sessions/token")
	ResponseEntity<AccessToken> token(@RequestBody SessionRef request) {
		SessionJwts.Token token = this.signIn.exchange(request.sessionId()).orElseThrow(NotSignedIn::new);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new AccessToken(token.value(), "Bearer", token.expiresIn().toSeconds()));
	}

	@Operation(summary = "End a staff session")
	@PostMapping("/sessions/sign-out")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void signOut(@RequestBody SessionRef request) {
		this.sessions.signOut(request.sessionId(), request.ip(), request.userAgent());
	}

	private static ResponseEntity<SessionStarted> started(StaffSessions.Created created) {
		StaffSessions.Session session = created.session();
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new SessionStarted(created.secret(), session.staffId(), session.workspaceId(), session.role().claim(),
					session.expiresAt()));
	}

	/** The one answer to a staff session that does not work, whatever the reason. */
	static final class NotSignedIn extends ProblemException {

		NotSignedIn() {
			super(ProblemType.UNAUTHORIZED, "The session is not valid.");
		}
	}
}
