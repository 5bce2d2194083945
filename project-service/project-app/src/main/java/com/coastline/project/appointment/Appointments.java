package com.coastline.project.appointment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The appointments of the current workspace (Hibernate filters every query by workspace). */
public interface Appointments extends JpaRepository<Appointment, UUID> {

	List<Appointment> findByProjectIdOrderByStartsAtAscIdAsc(UUID projectId);

	/** Open visits of these projects that are not over yet, soonest first. */
	@Query("""
			select a from Appointment a
			where a.projectId in :projectIds and a.endsAt > :now
			  and a.status in (com.coastline.project.appointment.AppointmentStatus.SCHEDULED,
			                   com.coastline.project.appointment.AppointmentStatus.RESCHEDULED)
			order by a.startsAt, a.id
			""")
	List<Appointment> findUpcoming(Collection<UUID> projectIds, Instant now);

	/** The visit, locked until the transaction ends, so that changes (and their versions) happen one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Appointment a where a.id = :id")
	Optional<Appointment> lockById(UUID id);
}
