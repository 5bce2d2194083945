package com.coastline.project.estimate;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

/** The estimates of the current workspace (Hibernate filters every query by workspace). */
public interface Estimates extends JpaRepository<Estimate, UUID> {

	List<Estimate> findByProjectIdOrderByCreatedAtAsc(UUID projectId);

	/**
	 * The estimates of these projects of the workspace, oldest first. Plain SQL with the workspace as a parameter,
	 * for every portal home (as {@code Projects.findVisibleInWorkspace}).
	 */
	@NativeQuery("""
			select e.* from estimate e
			where e.workspace_id = :workspaceId and e.project_id in (:projectIds)
			order by e.created_at, e.id
			""")
	List<Estimate> findOfProjects(UUID workspaceId, Collection<UUID> projectIds);

	/**
	 * The estimate, locked until the transaction ends: concurrent moves (two approvals, an approval and a
	 * revision) queue up and each sees the state the one before it left. Load it this way first in a
	 * transaction, so that its state is read after the lock is taken.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Estimate e where e.id = :id")
	Optional<Estimate> lockById(UUID id);
}
