package com.coastline.project.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The projects of the current workspace (Hibernate filters every query by workspace). */
public interface Projects extends JpaRepository<Project, UUID> {

	List<Project> findAllByOrderByCreatedAtAsc();

	List<Project> findByNameIgnoreCaseOrderByCreatedAtAsc(String name);

	/** The projects a contact may see in the portal (as primary or added contact), oldest first. */
	@Query("""
			select p from Project p
			where p.primaryContactId = :contactId
			   or exists (select a from AddedContact a where a.project = p and a.contactId = :contactId)
			order by p.createdAt, p.id
			""")
	List<Project> findVisibleTo(UUID contactId);

	/** The project, if the contact may see it in the portal. */
	@Query("""
			select p from Project p
			where p.id = :projectId
			  and (p.primaryContactId = :contactId
			       or exists (select a from AddedContact a where a.project = p and a.contactId = :contactId))
			""")
	Optional<Project> findVisibleTo(UUID contactId, UUID projectId);

	/**
	 * The project, locked until the transaction ends: concurrent state changes queue up and each sees
	 * the state the one before it left (so a second approval finds the project approved).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Project p where p.id = :id")
	Optional<Project> lockById(UUID id);
}
