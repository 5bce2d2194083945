package com.coastline.project.invoice;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

/** The invoices of the current workspace (Hibernate filters every query by workspace). */
public interface Invoices extends JpaRepository<Invoice, UUID> {

	List<Invoice> findByProjectIdOrderByCreatedAtAsc(UUID projectId);

	List<Invoice> findAllByOrderByCreatedAtAsc();

	/**
	 * The invoices in these statuses (their names) of these projects of the workspace, oldest first. Plain SQL with
	 * the workspace as a parameter, for every portal home (as {@code Projects.findVisibleInWorkspace}).
	 */
	@NativeQuery("""
			select i.* from invoice i
			where i.workspace_id = :workspaceId and i.project_id in (:projectIds) and i.status in (:statuses)
			order by i.created_at, i.id
			""")
	List<Invoice> findOfProjects(UUID workspaceId, Collection<UUID> projectIds, Collection<String> statuses);

	/**
	 * The invoice, locked until the transaction ends: payments, voids and the overdue job queue up and each
	 * sees the state the one before it left. Load it this way first in a transaction.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invoice i where i.id = :id")
	Optional<Invoice> lockById(UUID id);
}
