package com.coastline.project.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

/**
 * The projects of the current workspace (Hibernate filters every query by workspace, except the plain SQL ones,
 * which name the workspace themselves).
 */
public interface Projects extends JpaRepository<Project, UUID> {

	List<Project> findAllByOrderByCreatedAtAsc();

	List<Project> findByNameIgnoreCaseOrderByCreatedAtAsc(String name);

	/**
	 * The projects a contact of the workspace may see in the portal (as primary or added contact), oldest first.
	 * Plain SQL with the workspace as a parameter, not the tenant filter: Hibernate translates a query anew at every
	 * execution while a filter is enabled, and this one runs for every portal page (docs/benchmarks.md, session 20).
	 */
	@NativeQuery("""
			select p.* from project p
			where p.workspace_id = :workspaceId
			  and (p.primary_contact_id = :contactId
			       or exists (select 1 from project_contact a
			                  where a.workspace_id = :workspaceId and a.project_id = p.id and a.contact_id = :contactId))
			order by p.created_at, p.id
			""")
	List<Project> findVisibleInWorkspace(UUID workspaceId, UUID contactId);

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
