package com.coastline.identity.staff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.coastline.identity.portal.SignInClock;
import com.coastline.identity.signin.SignInCodes;
import com.coastline.identity.signin.SignInCodes.Audience;
import com.coastline.identity.signin.SignInMeters;
import com.coastline.identity.signin.SignInThrottles;
import com.coastline.identity.signin.SignInThrottles.PerIp;
import com.coastline.identity.token.SessionJwts;
import com.coastline.platform.web.problem.TooManyRequestsException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff sign in with the same email codes as clients (the local stack needs nothing external; production
 * may trust an OIDC provider instead, see the README). The email is asked before any workspace is known:
 * someone working for several workspaces chooses one after the code. The first sign-in accepts an
 * invitation.
 */
@Service
public class StaffCodeSignIn {

	public static final String METHOD = "code";

	private final SignInCodes codes;

	private final SignInThrottles throttles;

	private final StaffDirectory directory;

	private final StaffSessions sessions;

	private final SessionJwts jwts;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SignInClock clock;

	private final SignInMeters meters;

	StaffCodeSignIn(SignInCodes codes, SignInThrottles throttles, StaffDirectory directory, StaffSessions sessions,
			SessionJwts jwts, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SignInClock clock, SignInMeters meters) {
		this.codes = codes;
		this.throttles = throttles;
		this.directory = directory;
		this.sessions = sessions;
		this.jwts = jwts;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.meters = meters;
	}

	/** How a code turned out. */
	public sealed interface Outcome {
	}

	public record SignedIn(StaffSessions.Created session) implements Outcome {
	}

	/** Right code, several workspaces: choose one with {@link #choose}. */
	public record Choose(List<WorkspaceChoice> workspaces) implements Outcome {
	}

	public record Refused(int attemptsLeft) implements Outcome {
	}

	public record WorkspaceChoice(UUID workspaceId, String workspaceName, StaffRole role) {
	}

	/** Asks for a code; the same answer whether or not the email belongs to anyone's staff. */
	public SignInCodes.Requested request(String email, String attempt, String ip, String userAgent) {
		count(PerIp.REQUEST, ip, userAgent, null);
		// The email is sent for the earliest of the member's workspaces (the code signs in to any of them).
		Optional<SignInCodes.Recipient> recipient = this.directory.activeByEmail(email)
			.stream()
			.findFirst()
			.map((membership) -> new SignInCodes.Recipient(null, "Coastline", membership.workspaceId()));
		return this.transactions
			.execute(status -> this.codes.request(Audience.STAFF, null, email, attempt, ip, userAgent, recipient));
	}

	public Outcome verify(String attempt, String code, String ip, String userAgent) {
		count(PerIp.VERIFY, ip, userAgent, null);
		return this.transactions.execute(status -> {
			SignInCodes.Result result = this.codes.verify(Audience.STAFF, attempt, code, ip, userAgent);
			if (!result.isVerified()) {
				return new Refused(result.refused().attemptsLeft());
			}
			List<StaffMembership> memberships = this.directory.activeByEmail(result.verified().email());
			if (memberships.isEmpty()) {
				this.meters.signIn(SignInMeters.STAFF, SignInMeters.CODE, SignInMeters.NO_ACCOUNT);
				return new Refused(0);
			}
			if (memberships.size() > 1) {
				return new Choose(memberships.stream()
					.map(membership -> new WorkspaceChoice(membership.workspaceId(), workspaceName(membership.workspaceId()),
							membership.role()))
					.toList());
			}
			this.codes.completed(result.verified());
			this.meters.signIn(SignInMeters.STAFF, SignInMeters.CODE, SignInMeters.SUCCESS);
			return new SignedIn(this.sessions.open(memberships.get(0), METHOD, ip, userAgent));
		});
	}

	/** Continues a verified attempt in one of the email's workspaces (once). */
	public Optional<StaffSessions.Created> choose(String attempt, UUID workspaceId, String ip, String userAgent) {
		return this.transactions.execute(status -> {
			Optional<StaffMembership> chosen = this.codes.complete(Audience.STAFF, attempt)
				.flatMap(verified -> this.directory.activeByEmail(verified.email())
					.stream()
					.filter(membership -> membership.workspaceId().equals(workspaceId))
					.findFirst());
			if (chosen.isEmpty()) {
				status.setRollbackOnly();
				return Optional.empty();
			}
			this.meters.signIn(SignInMeters.STAFF, SignInMeters.CODE, SignInMeters.SUCCESS);
			return Optional.of(this.sessions.open(chosen.get(), METHOD, ip, userAgent));
		});
	}

	/**
	 * A staff token ({@code kind=staff}, {@code roles}, and the member's {@code email}, so that a service can
	 * send a staff member something to their own address, a test email say) for the live session, or empty.
	 */
	public Optional<SessionJwts.Token> exchange(String sessionSecret) {
		return this.sessions.touch(sessionSecret)
			.map(session -> this.jwts.sign("staff", session.staffId(), session.workspaceId(), session.method(),
					session.id(), Map.of("roles", List.of(session.role().claim()), "email", session.email())));
	}

	/** The per-IP count; a refusal is counted as a throttled code request or sign-in. */
	private void count(PerIp what, String ip, String userAgent, UUID workspaceId) {
		try {
			this.throttles.count(what, ip, userAgent, workspaceId, this.clock.now());
		}
		catch (TooManyRequestsException ex) {
			if (what == PerIp.REQUEST) {
				this.meters.codeRequested(SignInMeters.STAFF, SignInMeters.THROTTLED);
			}
			else {
				this.meters.signIn(SignInMeters.STAFF, SignInMeters.CODE, SignInMeters.THROTTLED);
			}
			throw ex;
		}
	}

	private String workspaceName(UUID workspaceId) {
		return this.jdbc.queryForList("select name from workspace where id = ?", String.class, workspaceId)
			.stream()
			.findFirst()
			.orElse("");
	}
}
