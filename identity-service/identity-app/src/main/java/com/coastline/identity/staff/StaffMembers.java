package com.coastline.identity.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The staff members of the current workspace (tenant-filtered), or of all workspaces in root scope. */
interface StaffMembers extends Repository<StaffMember, UUID> {

	StaffMember saveAndFlush(StaffMember member);

	void flush();

	Optional<StaffMember> findById(UUID id);

	Optional<StaffMember> findByEmail(String email);

	List<StaffMember> findByStatusNotOrderByInvitedAtAscIdAsc(StaffStatus status);

	/**
	 * The workspace's active owners, locked in id order: two owners removing each other at the same time
	 * are serialised here, so that one of them always stays.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from StaffMember s where s.role = com.coastline.identity.staff.StaffRole.OWNER"
			+ " and s.status = com.coastline.identity.staff.StaffStatus.ACTIVE order by s.id")
	List<StaffMember> lockActiveOwners();

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from StaffMember s where s.id = :id")
	Optional<StaffMember> lockById(UUID id);

	/** Memberships of an email that may sign in; meaningful only in root scope (all workspaces). */
	@Query("select s from StaffMember s where s.email = :email"
			+ " and s.status <> com.coastline.identity.staff.StaffStatus.REMOVED order by s.invitedAt, s.id")
	List<StaffMember> findSignInCandidates(String email);
}
