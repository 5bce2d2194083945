package com.coastline.identity.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff of the current workspace: invite, list, remove. Who may do what (owners invite and remove)
 * is decided by the web layer from the token; every query here is filtered to the token's workspace.
 */
@Service
@Transactional
public class StaffManagement {

	private final StaffMembers members;

	private final CurrentTenant currentTenant;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffManagement(StaffMembers members, CurrentTenant currentTenant, ApplicationEventPublisher events, Clock clock) {
		this.members = members;
		this.currentTenant = currentTenant;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Invites someone to the current workspace and records {@code StaffInvited} in the same transaction.
	 * A removed member is invited back (same id); anyone else already there is a conflict.
	 * @throws StaffAlreadyInvited when the email is already invited or active here
	 */
	public StaffMember invite(String email, String name, StaffRole role) {
		// Rows are stamped with the current workspace; never create one for a token without it.
		this.currentTenant.requireWorkspace();
		String invitedBy = this.currentTenant.get().subject();
		String normalised = EmailAddresses.require(email);
		StaffMember member = this.members.findByEmail(normalised).map(removed -> {
			removed.inviteAgain(name, role, invitedBy, now());
			return removed;
		}).orElseGet(() -> StaffMember.invite(normalised, name, role, invitedBy, now()));
		// Flushed first, so that a concurrent invitation of the same email fails here (unique constraint, 409).
		member = this.members.saveAndFlush(member);
		this.events.publishEvent(member.invited());
		return member;
	}

	/** Everyone invited to or working in the workspace, removed members left out, oldest invitation first. */
	@Transactional(readOnly = true)
	public List<StaffMember> list() {
		return this.members.findByStatusNotOrderByInvitedAtAscIdAsc(StaffStatus.REMOVED);
	}

	/** One member of the workspace, removed ones included. */
	@Transactional(readOnly = true)
	public StaffMember find(UUID id) {
		return this.members.findById(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Removes a member from the workspace; removing a removed member again changes nothing.
	 * @throws LastOwnerCannotBeRemoved for the workspace's only active owner
	 */
	public StaffMember remove(UUID id) {
		// Owners first (always in the same order), then the member: concurrent removals queue on the owners.
		int activeOwners = this.members.lockActiveOwners().size();
		StaffMember member = this.members.lockById(id).orElseThrow(() -> notFound(id));
		if (member.remove(activeOwners, now())) {
			this.members.flush();
		}
		return member;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("Staff member", id);
	}
}
