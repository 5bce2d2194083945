package com.coastline.identity.staff;

import java.util.List;

import com.coastline.platform.web.tenant.TenantScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who an email is in the back offices of all workspaces, for staff sign-in (the email-code flow asks
 * before a workspace is known). Deliberately cross-workspace: it runs in root scope, in a read-only
 * transaction of its own (a caller's transaction is fixed to the caller's workspace), and answers only
 * ids, roles and statuses, never other members' data.
 */
@Service
public class StaffDirectory {

	private final StaffMembers members;

	private final TransactionTemplate readOnly;

	StaffDirectory(StaffMembers members, PlatformTransactionManager transactionManager) {
		this.members = members;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The memberships of an email that may sign in: active ones and pending invitations (a first sign-in
	 * accepts the invitation), never removed ones; oldest first. An invalid email has none.
	 * @param email as entered; it is normalised (trimmed, lower case) first
	 */
	public List<StaffMembership> activeByEmail(String email) {
		if (EmailAddresses.problem(email).isPresent()) {
			return List.of();
		}
		String normalised = EmailAddresses.normalise(email);
		return TenantScope.runAsRoot(() -> this.readOnly.execute(status -> this.members
			.findSignInCandidates(normalised)
			.stream()
			.map(StaffMembership::of)
			.toList()));
	}
}
