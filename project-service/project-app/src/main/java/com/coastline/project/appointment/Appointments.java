package com.coastline.project.appointment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

/** The appointments of the current workspace (Hibernate filters every query by workspace). */
public interface Appointments extends JpaRepository<Appointment, UUID> {

	List<Appointment> findByProjectIdOrderByStartsAtAscIdAsc(UUID projectId);

	/**
	 * Open visits of these projects of the workspace that are not over yet, soonest first. Plain SQL with the
	 * workspace as a parameter, for every portal home (as {@code Projects.findVisibleInWorkspace}).
	 */
	@NativeQuery("""
			select a.* from appointment a
			where a.workspace_id = :workspaceId and a.project_id in (:projectIds) and a.ends_at > :now
			  and a.status in ('SCHEDULED', 'RESCHEDULED')
			order by a.starts_at, a.id
			""")
	List<Appointment> findUpcoming(UUID workspaceId, Collection<UUID> projectIds, Instant now);

	/** The visit, locked until the transaction ends, so that changes (and their versions) happen one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Appointment a where a.id = :id")
	Optional<Appointment> lockById(UUID id);
}
