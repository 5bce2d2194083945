package com.coastline.identity.staff;

import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

import com.coastline.identity.portal.Audit;
import com.coastline.identity.portal.SignInClock;
import com.coastline.identity.signin.SignInThrottles;
import com.coastline.identity.signin.SignInThrottles.PerIp;
import com.coastline.identity.workspace.Workspace;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.web.tenant.TenantScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** A contractor business signs up: its workspace and its owner, together or not at all. */
@Service
public class SignUps {

	private final WorkspaceRegistry registry;

	private final StaffMembers members;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SignInThrottles throttles;

	private final Audit audit;

	private final SignInClock signInClock;

	SignUps(WorkspaceRegistry registry, StaffMembers members, PlatformTransactionManager transactionManager,
			Clock clock, SignInThrottles throttles, Audit audit, SignInClock signInClock) {
		this.registry = registry;
		this.members = members;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.throttles = throttles;
		this.audit = audit;
		this.signInClock = signInClock;
	}

	/**
	 * The public sign-up, relayed by the back-office gateway with the browser's IP and user agent: counted
	 * against the per-IP sign-up limit first (shared by every replica, in PostgreSQL), then as
	 * {@link #signUp}, and recorded in the audit (never the email).
	 * @throws com.coastline.platform.web.problem.TooManyRequestsException when the address has signed up too
	 * many workspaces in the current window (nothing is created)
	 */
	public SignUp signUpFrom(String ip, String userAgent, String workspaceName, ZoneId timeZone, Currency currency,
			String ownerEmail, String ownerName) {
		String email = EmailAddresses.require(ownerEmail);
		String auditIp = Audit.clip(ip, Audit.IP);
		String auditUserAgent = Audit.clip(userAgent, Audit.USER_AGENT);
		this.throttles.count(PerIp.SIGN_UP, auditIp, auditUserAgent, null, this.signInClock.now());
		SignUp signUp = signUp(workspaceName, timeZone, currency, email, ownerName);
		this.audit.record(signUp.workspace().getId(), null, Audit.SIGNED_UP, signUp.owner().getId(),
				"staff:" + signUp.owner().getId(), auditIp, auditUserAgent, Audit.SUCCEEDED, this.signInClock.now());
		return signUp;
	}

	/**
	 * Creates the workspace through the registry (which records {@code WorkspaceCreated}) and its owner,
	 * active at once, in one transaction.
	 * <p>
	 * The one request-driven use of root scope: the owner belongs to a workspace that no token can name
	 * yet, and Hibernate refuses an explicit tenant id that differs from the session's unless the session
	 * is root. The scope covers exactly this new transaction, and the owner's workspace is set explicitly.
	 */
	public SignUp signUp(String workspaceName, ZoneId timeZone, Currency currency, String ownerEmail,
			String ownerName) {
		String email = EmailAddresses.require(ownerEmail);
		return TenantScope.runAsRoot(() -> this.transactions.execute(status -> {
			Workspace workspace = this.registry.create(workspaceName, timeZone, currency);
			StaffMember owner = this.members.saveAndFlush(StaffMember.owner(workspace.getId(), email, ownerName,
					this.clock.instant().truncatedTo(ChronoUnit.MICROS)));
			return new SignUp(workspace, owner);
		}));
	}

	/** A signed-up workspace and its owner. */
	public record SignUp(Workspace workspace, StaffMember owner) {
	}
}
