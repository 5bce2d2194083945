package com.coastline.identity.portal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.coastline.identity.signin.SignInCodes;
import com.coastline.identity.signin.SignInCodes.Audience;
import com.coastline.identity.signin.SignInMeters;
import com.coastline.identity.signin.SignInThrottles;
import com.coastline.identity.signin.SignInThrottles.PerIp;
import com.coastline.platform.web.problem.TooManyRequestsException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A portal client signs in with a code sent to their email, at their workspace's portal. When several
 * active contacts of the workspace share the email, the client chooses which one to continue as: a
 * session is always for exactly one contact. While the workspace's portal is deactivated
 * ({@link PortalStates}), its contacts count as not on file: no code is sent and none signs in.
 */
@Service
public class PortalCodeSignIn {

	public static final String METHOD = "code";

	private final SignInCodes codes;

	private final SignInThrottles throttles;

	private final PortalSessions sessions;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SignInClock clock;

	private final SignInMeters meters;

	PortalCodeSignIn(SignInCodes codes, SignInThrottles throttles, PortalSessions sessions, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, SignInClock clock, SignInMeters meters) {
		this.codes = codes;
		this.throttles = throttles;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.meters = meters;
	}

	/** How a code turned out. */
	public sealed interface Outcome {
	}

	/** Signed in as the one contact with the email. */
	public record SignedIn(PortalSessions.Created session) implements Outcome {
	}

	/** Right code, several contacts: the client chooses one with {@link #choose}. */
	public record Choose(List<PortalIdentity> contacts) implements Outcome {
	}

	/** Wrong, expired, burned or unknown; {@code attemptsLeft} is 0 unless the same code may be tried again. */
	public record Refused(int attemptsLeft) implements Outcome {
	}

	/**
	 * Asks for a code; the same answer whether or not the email is on file.
	 * @param email normalised and valid
	 * @throws com.coastline.platform.web.problem.TooManyRequestsException over the per-IP limit
	 */
	public SignInCodes.Requested request(UUID workspaceId, String email, String attempt, String ip, String userAgent) {
		count(PerIp.REQUEST, ip, userAgent, workspaceId);
		return this.transactions.execute(status -> this.codes.request(Audience.CLIENT, workspaceId, email, attempt, ip,
				userAgent, recipient(workspaceId, email)));
	}

	/** @throws com.coastline.platform.web.problem.TooManyRequestsException over the per-IP limit */
	public Outcome verify(String attempt, String code, String ip, String userAgent) {
		count(PerIp.VERIFY, ip, userAgent, null);
		return this.transactions.execute(status -> {
			SignInCodes.Result result = this.codes.verify(Audience.CLIENT, attempt, code, ip, userAgent);
			if (!result.isVerified()) {
				return new Refused(result.refused().attemptsLeft());
			}
			SignInCodes.Verified verified = result.verified();
			List<PortalIdentity> contacts = active(verified.workspaceId(), verified.email());
			if (contacts.isEmpty()) {
				this.meters.signIn(SignInMeters.CLIENT, SignInMeters.CODE, SignInMeters.NO_ACCOUNT);
				return new Refused(0);
			}
			if (contacts.size() > 1) {
				return new Choose(contacts);
			}
			this.codes.completed(verified);
			return new SignedIn(open(contacts.get(0), ip, userAgent));
		});
	}

	/** Continues a verified attempt as one of the email's contacts (once); empty when that is not possible. */
	public Optional<PortalSessions.Created> choose(String attempt, UUID contactId, String ip, String userAgent) {
		return this.transactions.execute(status -> {
			Optional<PortalIdentity> chosen = this.codes.complete(Audience.CLIENT, attempt)
				.flatMap(verified -> active(verified.workspaceId(), verified.email()).stream()
					.filter(contact -> contact.contactId().equals(contactId))
					.findFirst());
			if (chosen.isEmpty()) {
				status.setRollbackOnly();
				return Optional.empty();
			}
			return Optional.of(open(chosen.get(), ip, userAgent));
		});
	}

	/** The per-IP count; a refusal is counted as a throttled code request or sign-in. */
	private void count(PerIp what, String ip, String userAgent, UUID workspaceId) {
		try {
			this.throttles.count(what, ip, userAgent, workspaceId, this.clock.now());
		}
		catch (TooManyRequestsException ex) {
			if (what == PerIp.REQUEST) {
				this.meters.codeRequested(SignInMeters.CLIENT, SignInMeters.THROTTLED);
			}
			else {
				this.meters.signIn(SignInMeters.CLIENT, SignInMeters.CODE, SignInMeters.THROTTLED);
			}
			throw ex;
		}
	}

	private PortalSessions.Created open(PortalIdentity contact, String ip, String userAgent) {
		this.meters.signIn(SignInMeters.CLIENT, SignInMeters.CODE, SignInMeters.SUCCESS);
		return this.sessions.open(contact.workspaceId(), contact.contactId(), null, null, METHOD, ip, userAgent);
	}

	private Optional<SignInCodes.Recipient> recipient(UUID workspaceId, String email) {
		List<PortalIdentity> contacts = active(workspaceId, email);
		if (contacts.isEmpty()) {
			return Optional.empty();
		}
		String workspaceName = this.jdbc.queryForList("select name from workspace where id = ?", String.class, workspaceId)
			.stream()
			.findFirst()
			.orElse("your contractor");
		String name = (contacts.size() == 1) ? fullName(contacts.get(0)) : null;
		return Optional.of(new SignInCodes.Recipient(name, workspaceName, workspaceId));
	}

	private List<PortalIdentity> active(UUID workspaceId, String email) {
		return this.jdbc.query("select " + PortalIdentity.COLUMNS + " from portal_identity where workspace_id = ?"
				+ " and email = ? and not archived and not exists (select 1 from portal_state s"
				+ " where s.workspace_id = portal_identity.workspace_id and not s.active)"
				+ " order by last_name, first_name, contact_id", PortalIdentity::map,
				workspaceId, email);
	}

	private static String fullName(PortalIdentity contact) {
		String name = (contact.firstName() + " " + contact.lastName()).strip();
		return name.isEmpty() ? null : name;
	}
}
